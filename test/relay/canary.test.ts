/**
 * A unique string inside the plaintext of every pushed item never reaches the relay's storage (the
 * SQLite file and its WAL, or a pg_dump of its PostgreSQL database) or its logs: items are sealed
 * by the device under a key the relay never sees.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../core/security/base64url';
import type { RelayConfig } from '../../relay/server/config';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, postgresDrivers, releaseDriverResources, sharedPostgresServer } from './postgres-drivers';
import { holdsHexOf } from './support/byte-scan';
import { connectDevice, type RelayClient } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestDevice, newTeamId, newTeamKey, openItem, type TestDevice } from './support/test-device';

interface CanaryRun {
  readonly relay: TestRelay;
  readonly canary: string;
  readonly device: TestDevice;
  readonly client: RelayClient;
  readonly logPath: string;
  /** The ciphertexts the relay stored, to prove a scan of its storage sees them. */
  readonly ciphertexts: Uint8Array[];
}

/** A relay logging everything to a file, and 20 sets of two canary-bearing items pushed and read back. */
const pushCanaries = async (overrides: Partial<RelayConfig> = {}): Promise<CanaryRun> => {
  const canary = `canary-${globalThis.crypto.randomUUID()}`;
  const logPath = join(process.env.TMPDIR ?? '/tmp', `locket-relay-canary-${Date.now()}.log`);
  const logDestination = pino.destination({ dest: logPath, sync: true });
  const relay = await startTestRelay({ logLevel: 'trace', ...overrides }, logDestination);
  const teamKey = newTeamKey();
  const device = await createTestDevice(newTeamId(), teamKey);
  const client = await connectDevice(relay.url, device, 'register');
  for (let i = 0; i < 20; i += 1) {
    await client.push([await device.nextSet([`name: ${canary} ${i}`, `note: ${canary} again ${i}`])]);
  }
  const pulled = await client.pullAll(0);
  const opened = await Promise.all(pulled.flatMap((s) => s.items.map((item) => openItem(teamKey, item.ct!))));
  expect(opened.filter((text) => text.includes(canary))).toHaveLength(40);
  return { relay, canary, device, client, logPath, ciphertexts: pulled.flatMap((s) => s.items.map((item) => fromBase64Url(item.ct!)!)) };
};

/** Closes the relay (flushing its last lines) and checks the logs. */
const expectCleanLogs = async ({ relay, canary, device, client, logPath }: CanaryRun): Promise<void> => {
  await relay.close();
  const logs = readFileSync(logPath, 'utf8');
  expect(logs).toContain('"msg":"push"');
  expect(logs).not.toContain(canary);
  // Ids appear hashed, never as themselves, and tokens never.
  expect(logs).not.toContain(device.keys.deviceId);
  expect(logs).not.toContain(device.team);
  expect(logs).not.toContain(client.token());
};

describe('plaintext canary', () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('never appears in the database, its WAL or the logs, while the devices read it back', async () => {
    const run = await pushCanaries();
    relay = run.relay;
    const files = [relay.dataFile, `${relay.dataFile}-wal`].filter((file) => existsSync(file));
    expect(files).toContain(relay.dataFile);
    const bytes = files.map((file) => readFileSync(file));
    expect(bytes.reduce((total, b) => total + b.length, 0)).toBeGreaterThan(0);
    for (const content of bytes) expect(content.includes(run.canary)).toBe(false);
    await expectCleanLogs(run);
  });
});

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('never appears in a pg_dump of the database or in the logs', async () => {
    const server = await sharedPostgresServer();
    const name = `canary_${process.pid}`;
    const run = await pushCanaries({ db: await server.createDatabase(name) });
    relay = run.relay;
    const dump = server.dump(name);
    // The dump holds what was stored (each ciphertext, as hex), and still no canary.
    expect(run.ciphertexts.every((ct) => holdsHexOf(dump, ct))).toBe(true);
    expect(dump).not.toContain(run.canary);
    expect(dump.toLowerCase()).not.toContain(Buffer.from(run.canary).toString('hex'));
    await expectCleanLogs(run);
  }, FIRST_OPEN_TIMEOUT_MS);
});
