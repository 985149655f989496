import { describe, expect, it } from 'vitest';
import { normaliseRelayUrl, socketUrlOf } from '../../../platform/sync/relay-address';
import { createRelayTransport, InsecureRelayAddress, retryAfterMs } from '../../../platform/sync/relay-transport';

describe('relay address', () => {
  it('reduces what the user typed to one origin, https by default', () => {
    expect(normaliseRelayUrl('relay.example.org')).toEqual({ ok: true, value: 'https://relay.example.org' });
    expect(normaliseRelayUrl('  HTTPS://Relay.Example.org:443/some/path?q=1 ')).toEqual({ ok: true, value: 'https://relay.example.org' });
    expect(normaliseRelayUrl('https://relay.example.org:8443/')).toEqual({ ok: true, value: 'https://relay.example.org:8443' });
    expect(socketUrlOf('https://relay.example.org:8443')).toBe('wss://relay.example.org:8443/v1/socket');
  });

  it('refuses plain http and ws except to this machine', () => {
    expect(normaliseRelayUrl('http://relay.example.org')).toEqual({ ok: false, error: { type: 'insecure-address' } });
    expect(normaliseRelayUrl('http://192.168.1.20:8787')).toEqual({ ok: false, error: { type: 'insecure-address' } });
    expect(normaliseRelayUrl('http://127.0.0.1.example.org')).toEqual({ ok: false, error: { type: 'insecure-address' } });
    expect(normaliseRelayUrl('http://127.0.0.1:8787')).toEqual({ ok: true, value: 'http://127.0.0.1:8787' });
    expect(normaliseRelayUrl('http://[::1]:8787')).toEqual({ ok: true, value: 'http://[::1]:8787' });
    expect(normaliseRelayUrl('http://LOCALHOST:8787')).toEqual({ ok: true, value: 'http://localhost:8787' });
    expect(socketUrlOf('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787/v1/socket');
    expect(() => createRelayTransport({ relayUrl: 'http://relay.example.org' })).toThrow(InsecureRelayAddress);
  });

  it('refuses what is not a relay address', () => {
    for (const typed of ['', '   ', 'ftp://relay.example.org', 'https://user:secret@relay.example.org', 'javascript:alert(1)', 'https://']) {
      expect(normaliseRelayUrl(typed)).toEqual({ ok: false, error: { type: 'bad-address' } });
    }
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs(new Date(90_000).toUTCString(), 30_000)).toBe(60_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});
