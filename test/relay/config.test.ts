import { describe, expect, it } from 'vitest';
import { HELP, isOriginAllowed, parseRelayArgs } from '../../relay/server/config';
import { DEFAULT_LIMITS } from '../../relay/server/limits-config';

describe('relay command line', () => {
  it('starts on 127.0.0.1:8787 with the SQLite file under relay-data by default', () => {
    const parsed = parseRelayArgs([], {});
    expect(parsed).toMatchObject({ kind: 'config', config: { host: '127.0.0.1', port: 8787, dataFile: 'relay-data/relay.sqlite', db: undefined } });
  });

  it('lists every option in --help', () => {
    expect(parseRelayArgs(['--help'], {})).toEqual({ kind: 'help' });
    for (const option of ['--host', '--port', '--data', '--db', 'LOCKET_RELAY_DB', '--tls-cert', '--tls-key', '--log-level', '--behind-proxy', '--allow-origin', '--max-body']) {
      expect(HELP).toContain(option);
    }
  });

  it('lists every fair-use limit in --help with its default, and reads them from the command line', () => {
    for (const option of ['--limit-auth', '--limit-requests', '--limit-burst', '--limit-frames', '--limit-team-bytes']) expect(HELP).toContain(option);
    expect(HELP).toContain(`(default ${DEFAULT_LIMITS.teamBytesPerDay})`);
    expect(HELP).toContain(`(default ${DEFAULT_LIMITS.auth!.points}/${DEFAULT_LIMITS.auth!.seconds})`);
    expect(parseRelayArgs([], {})).toMatchObject({ config: { limits: DEFAULT_LIMITS } });
    expect(parseRelayArgs(['--limit-auth', '5/30', '--limit-frames', 'off', '--limit-team-bytes', '4194304'], {})).toMatchObject({
      config: { limits: { ...DEFAULT_LIMITS, auth: { points: 5, seconds: 30 }, frames: null, teamBytesPerDay: 4_194_304 } },
    });
    expect(parseRelayArgs(['--limit-burst', 'lots'], {})).toMatchObject({ kind: 'error', message: expect.stringContaining('--limit-burst') });
    expect(parseRelayArgs(['--limit-requests', '0/60'], {}).kind).toBe('error');
    // A day's quota smaller than one request body could never be met, however long a device waited.
    expect(parseRelayArgs(['--limit-team-bytes', '1000'], {}).kind).toBe('error');
  });

  it('refuses a non-loopback bind without TLS or --behind-proxy', () => {
    expect(parseRelayArgs(['--host', '0.0.0.0'], {})).toMatchObject({ kind: 'error', message: expect.stringContaining('without TLS') });
    expect(parseRelayArgs(['--host', '0.0.0.0', '--behind-proxy'], {}).kind).toBe('config');
    expect(parseRelayArgs(['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {}).kind).toBe('config');
    expect(parseRelayArgs(['--tls-cert', 'c.pem'], {}).kind).toBe('error');
  });

  it('takes the PostgreSQL URL from --db or LOCKET_RELAY_DB, and refuses anything else there', () => {
    expect(parseRelayArgs([], { LOCKET_RELAY_DB: 'postgres://u@127.0.0.1/locket' })).toMatchObject({ config: { db: 'postgres://u@127.0.0.1/locket' } });
    expect(parseRelayArgs(['--db', 'mysql://x'], {}).kind).toBe('error');
    expect(parseRelayArgs(['--port', 'eighty'], {}).kind).toBe('error');
    expect(parseRelayArgs(['--log-level', 'loud'], {}).kind).toBe('error');
    expect(parseRelayArgs(['--unknown'], {}).kind).toBe('error');
  });

  it('verifies security keys made on the unpacked build\'s origin unless told the exact extension origins, and never a pattern', () => {
    expect(parseRelayArgs([], {})).toMatchObject({
      config: { extensionOrigins: [expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}$/)], twoFactorUserVerification: 'required' },
    });
    const both = ['--extension-origin', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', '--extension-origin', 'moz-extension://7e1c2f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6'];
    expect(parseRelayArgs([...both, '--two-factor-user-verification', 'preferred'], {})).toMatchObject({
      config: { extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://7e1c2f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6'], twoFactorUserVerification: 'preferred' },
    });
    for (const origin of ['chrome-extension://*', 'https://relay.example.org', 'chrome-extension://abc/']) {
      expect(parseRelayArgs(['--extension-origin', origin], {}).kind).toBe('error');
    }
    expect(parseRelayArgs(['--two-factor-user-verification', 'never'], {}).kind).toBe('error');
    for (const option of ['--extension-origin', '--two-factor-user-verification']) expect(HELP).toContain(option);
  });

  it('allows extension origins by rule and refuses web pages', () => {
    expect(isOriginAllowed('chrome-extension://abc', ['chrome-extension://*'])).toBe(true);
    expect(isOriginAllowed('https://evil.example', ['chrome-extension://*'])).toBe(false);
    expect(isOriginAllowed('chrome-extension://abc', ['chrome-extension://xyz'])).toBe(false);
    expect(isOriginAllowed('chrome-extension://', ['chrome-extension://*'])).toBe(false);
    expect(isOriginAllowed(undefined, ['chrome-extension://xyz'])).toBe(true);
  });
});
