/**
 * A unique string inside the plaintext of every pushed item never reaches the relay's SQLite files
 * or its logs: items are sealed by the device under a key the relay never sees.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDevice } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestDevice, newTeamId, newTeamKey, openItem } from './support/test-device';

describe('plaintext canary', () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('never appears in the database, its WAL or the logs, while the devices read it back', async () => {
    const canary = `canary-${globalThis.crypto.randomUUID()}`;
    const logPath = join(process.env.TMPDIR ?? '/tmp', `locket-relay-canary-${Date.now()}.log`);
    const logDestination = pino.destination({ dest: logPath, sync: true });
    relay = await startTestRelay({ logLevel: 'trace' }, logDestination);
    const teamKey = newTeamKey();
    const device = await createTestDevice(newTeamId(), teamKey);
    const client = await connectDevice(relay.url, device, 'register');
    for (let i = 0; i < 20; i += 1) {
      await client.push([await device.nextSet([`name: ${canary} ${i}`, `note: ${canary} again ${i}`])]);
    }
    const pulled = await client.pullAll(0);
    const opened = await Promise.all(pulled.flatMap((s) => s.items.map((item) => openItem(teamKey, item.ct!))));
    expect(opened.filter((text) => text.includes(canary))).toHaveLength(40);

    const files = [relay.dataFile, `${relay.dataFile}-wal`].filter((file) => existsSync(file));
    expect(files).toContain(relay.dataFile);
    const bytes = files.map((file) => readFileSync(file));
    expect(bytes.reduce((total, b) => total + b.length, 0)).toBeGreaterThan(0);
    for (const content of bytes) expect(content.includes(canary)).toBe(false);
    await relay.close();
    const logs = readFileSync(logPath, 'utf8');
    expect(logs).toContain('"msg":"push"');
    expect(logs).not.toContain(canary);
    // Ids appear hashed, never as themselves, and tokens never.
    expect(logs).not.toContain(device.keys.deviceId);
    expect(logs).not.toContain(device.team);
    expect(logs).not.toContain(client.token());
  });
});
