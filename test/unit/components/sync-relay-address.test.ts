import { describe, expect, it } from 'vitest';
import { relayAddress, requestRelayAccess } from '../../../components/sync/relay-address';
import { codeGroups, defaultDeviceName, relativeTime, typedCode } from '../../../components/sync/sync-text';
import { formatPairingCode, PAIRING_SECRET_BYTES } from '../../../core/sync/pairing-crypto';

describe('the relay address the owner typed', () => {
  it.each([
    ['relay.example.com', 'https://relay.example.com', 'https://relay.example.com'],
    [' https://relay.example.com:8443/ ', 'https://relay.example.com:8443', 'https://relay.example.com:8443'],
    ['https://example.com/locket-relay/', 'https://example.com/locket-relay', 'https://example.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787', 'http://localhost:8787'],
  ])('reads %j as the relay %s, asking for %s', (typed, url, origin) => {
    expect(relayAddress(typed)).toEqual({ ok: true, value: { url, origin } });
  });

  it.each(['http://relay.example.com', 'http://192.168.1.20:8787', 'http://127.0.0.1.example.com'])(
    'refuses plain http to another machine: %s', (typed) => {
      expect(relayAddress(typed)).toEqual({ ok: false, error: { type: 'insecure-address' } });
    },
  );

  it.each(['', '   ', 'ftp://relay.example.com', 'https://user:secret@relay.example.com', 'https://relay.example.com/?a=1', 'https://exa mple.com'])(
    'refuses what is no relay address: %j', (typed) => {
      expect(relayAddress(typed)).toEqual({ ok: false, error: { type: 'bad-address' } });
    },
  );

  it('asks for nothing when the address is refused, and reports a denial as a code', async () => {
    const asked: string[] = [];
    const permissions = (granted: boolean) => ({ request: async (origin: string) => { asked.push(origin); return granted; } });
    expect(await requestRelayAccess('http://relay.example.com', permissions(true))).toEqual({ ok: false, error: { type: 'insecure-address' } });
    expect(asked).toEqual([]);
    expect(await requestRelayAccess('relay.example.com', permissions(false))).toEqual({ ok: false, error: { type: 'permission-denied' } });
    expect(await requestRelayAccess('relay.example.com', permissions(true))).toEqual({ ok: true, value: 'https://relay.example.com' });
    expect(asked).toEqual(['https://relay.example.com', 'https://relay.example.com']);
  });
});

describe('the words of the Sync page', () => {
  const NOW = Date.UTC(2026, 0, 15, 9);

  it.each([
    [NOW - 10_000, 'just now'], [NOW - 5 * 60_000, '5 minutes ago'], [NOW - 2 * 3_600_000, '2 hours ago'],
    [NOW - 86_400_000, 'yesterday'], [NOW - 3 * 86_400_000, '3 days ago'], [NOW + 10 * 60_000, 'in 10 minutes'],
  ])('says %i as %j', (at, words) => {
    expect(relativeTime(at, NOW)).toBe(words);
  });

  it('cuts a code into groups of four and reads a typed one without its spaces', () => {
    expect(codeGroups('ABCDEFGH23')).toEqual(['ABCD', 'EFGH', '23']);
    expect(typedCode(' ABCD EFGH\t23 ')).toBe('ABCDEFGH23');
  });

  it('shows the code the sync account draws, dashes and all, as the same groups of four', () => {
    const code = formatPairingCode(new Uint8Array(PAIRING_SECRET_BYTES).fill(0xa5));
    const groups = codeGroups(code);
    expect(groups.join('-')).toBe(code);
    expect(groups.slice(0, -1).every((group) => /^[0-9A-Z]{4}$/.test(group))).toBe(true);
  });

  it('names the device after its browser and system', () => {
    expect(defaultDeviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'))
      .toBe('Chrome on Linux');
    expect(defaultDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'))
      .toBe('Edge on Windows');
    expect(defaultDeviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/133.0')).toBe('Firefox on macOS');
  });
});
