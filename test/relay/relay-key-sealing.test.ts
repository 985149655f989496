/**
 * The relay's signing key at rest: the database holds it only sealed under a secret kept in a file
 * beside it, so a dump of the database alone cannot sign (forge) an erasure receipt.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelayKeySchema } from '../../core/erasure/relay-receipt';
import { HELP, parseRelayArgs } from '../../relay/server/config';
import { loadKeySecret } from '../../relay/server/relay-key-secret';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { createRelayStore } from '../../relay/store/store';
import { createManualClock } from '../../core/clock';
import { startTestRelay } from './support/in-process-relay';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'locket-relay-key-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const storedValue = async (dataFile: string): Promise<string> => {
  const driver = openSqliteDriver(dataFile);
  try {
    return (await driver.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = 'relay_signing_key'`))[0]?.value ?? '';
  } finally {
    await driver.close();
  }
};

describe('the relay signing key at rest', () => {
  it('makes a 0600 secret beside the database on first start and stores only the sealed key, which the same secret opens again', async () => {
    const dataFile = join(dir, 'relay.sqlite');
    const relay = await startTestRelay({ dataFile });
    const first = v.parse(RelayKeySchema, await (await fetch(`${relay.url}/v1/relay-key`)).json());
    await relay.close();

    const secretFile = join(dir, 'relay-key.secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const stored = await storedValue(dataFile);
    expect(stored.startsWith('sealed-v1:')).toBe(true);
    // Nothing of the private key in the clear: no JWK, no `"d"` member anywhere in the file.
    expect(readFileSync(dataFile).includes(Buffer.from('"d":'))).toBe(false);
    expect(stored).not.toContain('"kty"');

    const again = await startTestRelay({ dataFile });
    expect(v.parse(RelayKeySchema, await (await fetch(`${again.url}/v1/relay-key`)).json())).toEqual(first);
    await again.close();
  });

  it('refuses to start with another secret than the one the key was sealed with', async () => {
    const dataFile = join(dir, 'relay.sqlite');
    await (await startTestRelay({ dataFile })).close();
    const otherSecret = join(dir, 'other.secret');
    writeFileSync(otherSecret, `${Buffer.alloc(32, 7).toString('base64url')}\n`, { mode: 0o600 });
    await expect(startTestRelay({ dataFile, relayKeySecretFile: otherSecret })).rejects.toThrow(/does not open with this key-encryption secret/);
  });

  it('never invents a secret for a file named explicitly that does not exist', () => {
    const missing = join(dir, 'typo.secret');
    expect(() => loadKeySecret({ relayKeySecretFile: missing, dataFile: join(dir, 'relay.sqlite') })).toThrow();
    expect(existsSync(missing)).toBe(false);
  });

  it('seals a key an earlier version stored unsealed, keeping the same public key', async () => {
    const dataFile = join(dir, 'relay.sqlite');
    const legacy = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    const driver = openSqliteDriver(dataFile);
    await createRelayStore(driver, { clock: createManualClock(0) }).migrate();
    await driver.run(`INSERT INTO relay_meta (key, value) VALUES ('relay_signing_key', ?)`, [JSON.stringify(legacy)]);
    await driver.close();

    const relay = await startTestRelay({ dataFile });
    expect(v.parse(RelayKeySchema, await (await fetch(`${relay.url}/v1/relay-key`)).json())).toEqual({ publicKey: legacy.x });
    await relay.close();
    const stored = await storedValue(dataFile);
    expect(stored.startsWith('sealed-v1:')).toBe(true);
    expect(stored).not.toContain(legacy.d);
  });

  it('takes the secret file from the command line or the environment, and lists the option in --help', () => {
    const fromFlag = parseRelayArgs(['--relay-key-secret-file', '/etc/locket/relay.secret'], {});
    expect(fromFlag.kind === 'config' && fromFlag.config.relayKeySecretFile).toBe('/etc/locket/relay.secret');
    const fromEnv = parseRelayArgs([], { LOCKET_RELAY_KEY_SECRET_FILE: '/run/secrets/relay' });
    expect(fromEnv.kind === 'config' && fromEnv.config.relayKeySecretFile).toBe('/run/secrets/relay');
    expect(HELP).toContain('--relay-key-secret-file');
  });
});
