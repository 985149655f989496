/**
 * The relay's address as the user typed it, reduced to one origin. Plain `http:` is refused except
 * to this machine (127.0.0.1, ::1, localhost), where nothing crosses a network: device keys and
 * sets are signed and sealed either way, but a session token in the clear could be replayed.
 */
import type { Result } from '../../core/result';
import type { SyncProblem } from '../../core/sync/ports';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname.toLowerCase());

/** `https://relay.example` from `relay.example/`, ` HTTPS://Relay.Example:443/path ` and the like. */
export const normaliseRelayUrl = (typed: string): Result<string, SyncProblem> => {
  const trimmed = typed.trim();
  if (trimmed === '' || trimmed.length > 2048) return { ok: false, error: { type: 'bad-address' } };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: { type: 'bad-address' } };
  }
  if (url.username || url.password || url.hostname === '') return { ok: false, error: { type: 'bad-address' } };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, error: { type: 'insecure-address' } };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: { type: 'bad-address' } };
  return { ok: true, value: url.origin };
};

/** The poke socket's address on the same origin: wss beside https, ws only beside loopback http. */
export const socketUrlOf = (origin: string): string => `${origin.replace(/^http/, 'ws')}/v1/socket`;
