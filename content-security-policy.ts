/**
 * The content security policy of every extension page (popup, side panel or sidebar, options,
 * the offscreen document) and of the workers they start. It is the browser's own guarantee
 * behind "nothing leaves the device": script only from the package, no plugins, and network
 * connections (fetch, XMLHttpRequest, WebSocket, EventSource, beacons) only to the extension
 * itself and to a relay's address.
 *
 * The optional relay: the manifest's optional_host_permissions (any https host, plain http on
 * this computer), granted for one origin when the owner connects, lift CORS for it but never
 * widen this policy, in Chromium or in Firefox, and the policy is fixed at build time while the
 * owner chooses the relay later. So connections are allowed by scheme, matching those
 * permissions: https and wss anywhere, plain http and ws only to this computer. What keeps
 * Locket quiet is that only the relay transport (platform/sync) opens connections, and only to
 * the one origin the owner connected; the network-quiet end-to-end test checks that a journey
 * without a relay makes no request at all.
 */
export const RELAY_CONNECT_SOURCES: readonly string[] = [
  'https:', 'wss:', 'http://127.0.0.1:*', 'ws://127.0.0.1:*', 'http://localhost:*', 'ws://localhost:*',
];

export const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  ["connect-src 'self'", ...RELAY_CONNECT_SOURCES].join(' '),
].join('; ');
