/**
 * The content security policy of every extension page (popup, side panel or sidebar, options,
 * the offscreen document) and of the workers they start. It is the browser's own guarantee
 * behind "nothing leaves the device": script only from the package, no plugins, and network
 * connections (fetch, XMLHttpRequest, WebSocket, EventSource, beacons) only to the extension
 * itself.
 *
 * The optional relay: a host permission, required or optional and however granted, lifts
 * CORS for its origin but never widens this policy, in Chromium or in Firefox, and the policy
 * is fixed in the manifest at build time. So the relay's connections need their own entry
 * here; as the owner chooses the relay, that entry is a scheme (`https: wss:`), and the
 * optional host permission, asked for one origin when sync is turned on, is what names it.
 * Until the relay's transport ships, nothing is listed.
 */
export const RELAY_CONNECT_SOURCES: readonly string[] = [];

export const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  ["connect-src 'self'", ...RELAY_CONNECT_SOURCES].join(' '),
].join('; ');
