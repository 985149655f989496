import type { Result } from '../../core/result';
import type { SyncProblem } from '../../core/sync/ports';
import type { HostPermissions } from '../../platform/permissions/host-permission';

/** The hosts plain http may reach: a relay on this computer. The manifest's optional host permissions list the same. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface RelayAddress {
  /** What the sync services are given: the origin, plus a path when the relay sits under one. */
  readonly url: string;
  /** What the host permission is asked for. */
  readonly origin: string;
}

/** Reads what the owner typed: https anywhere, http only to this computer; a bare host name means https. */
export const relayAddress = (typed: string): Result<RelayAddress, SyncProblem> => {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: { type: 'bad-address' } };
  }
  if (!text || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    return { ok: false, error: { type: 'bad-address' } };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, error: { type: 'insecure-address' } };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: { url: `${url.origin}${path}`, origin: url.origin } };
};

/**
 * Checks the address, then asks the browser for that one origin. The request is made before
 * this returns its promise, so a click handler that calls it first keeps the user's gesture.
 */
export const requestRelayAccess = (typed: string, permissions: HostPermissions): Promise<Result<string, SyncProblem>> => {
  const relay = relayAddress(typed);
  if (!relay.ok) return Promise.resolve(relay);
  return permissions.request(relay.value.origin).then((granted): Result<string, SyncProblem> =>
    (granted ? { ok: true, value: relay.value.url } : { ok: false, error: { type: 'permission-denied' } }));
};

/** Problems about the address are shown beside the address field; pairing problems beside the code. */
export const problemPlace = (problem: SyncProblem): 'address' | 'code' | 'form' => {
  switch (problem.type) {
    case 'insecure-address': case 'bad-address': case 'permission-denied': case 'relay-unreachable': case 'relay-refused':
    case 'version':
      return 'address';
    case 'bad-pairing-code': case 'pairing-expired':
      return 'code';
    default:
      return 'form';
  }
};
