/**
 * The content security policy of every extension page (popup, side panel or sidebar, options,
 * the offscreen document) and of the workers they start. It is the browser's own guarantee
 * behind "nothing leaves the device": script only from the package, no plugins, and network
 * connections (fetch, XMLHttpRequest, WebSocket, EventSource, beacons) only to the extension
 * itself.
 *
 * The optional relay: the manifest's optional_host_permissions (any https host, plain http on
 * this computer), granted for one origin when the owner connects, lift CORS for it but never
 * widen this policy, in Chromium or in Firefox, and the policy is fixed at build time. So the
 * relay's transport, when it ships, needs its connections listed here, as schemes matching
 * those permissions (`https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:*
 * ws://localhost:*`), since the owner chooses the relay. Until then nothing is listed, and no
 * page can connect anywhere but the extension.
 */
export const RELAY_CONNECT_SOURCES: readonly string[] = [];

export const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  ["connect-src 'self'", ...RELAY_CONNECT_SOURCES].join(' '),
].join('; ');
