/**
 * The relay killed with SIGKILL at random moments while a device pushes continuously, restarted on
 * the same file each time: every acknowledged set is there with the seq it was acknowledged with,
 * and the team's sequence and the device's clientSeq have no gap. Every other run, the relay kills
 * itself inside a push transaction, after its writes and before its commit (LOCKET_RELAY_FAULT).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNothingLost, sleep, startPusher } from './support/continuous-pusher';
import { connectDevice, type RelayClient } from './support/relay-client';
import { spawnRelay, type RelayProcess } from './support/relay-process';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const KILLS = 6;
const MAX_PUSH_ATTEMPTS = 2000;
const CANARY = `canary-${globalThis.crypto.randomUUID()}`;

describe('relay killed and restarted on the same file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-kill-'));
  const dataFile = join(dir, 'relay.sqlite');
  const logFile = join(dir, 'relay.log');
  let relay: RelayProcess | undefined;
  afterAll(async () => {
    relay?.child.kill('SIGKILL');
    await relay?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged and leaves no seq gap', { timeout: 180_000 }, async () => {
    relay = await spawnRelay(dataFile, logFile);
    const device = await createTestDevice(newTeamId(), newTeamKey());
    // Base URL changes at each restart (port 0); the session survives in the database.
    let baseUrl = relay.url;
    const registered = await connectDevice(baseUrl, device, 'register');
    const token = registered.token();
    const pusher = startPusher({
      device, token, baseUrl: () => baseUrl, plaintext: (index) => `${CANARY} item ${index}`, maxAttempts: MAX_PUSH_ATTEMPTS,
    });
    const { acked } = pusher;

    let killedInsideCommit = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const current: RelayProcess = relay;
      const diedAlone = await Promise.race([current.exited.then(() => true), sleep(150 + Math.floor(Math.random() * 500)).then(() => false)]);
      const insideCommit = kill % 2 === 1;
      // The fault fires on the second storing push of a faulty run; give the pusher time to get there.
      const died = diedAlone || (insideCommit && (await Promise.race([current.exited.then(() => true), sleep(10_000).then(() => false)])));
      expect(died && !insideCommit).toBe(false);
      if (died) killedInsideCommit += 1;
      current.child.kill('SIGKILL');
      expect(await current.exited).toBe('SIGKILL');
      relay = await spawnRelay(dataFile, logFile, kill % 2 === 0 ? { LOCKET_RELAY_FAULT: 'exit-before-commit:2' } : {});
      baseUrl = relay.url;
    }
    const ackedBeforeStop = acked.size;
    const settleDeadline = Date.now() + 10_000;
    while (acked.size < ackedBeforeStop + 3 && Date.now() < settleDeadline) await sleep(50);
    await pusher.stop();

    const client: RelayClient = await connectDevice(baseUrl, device, 'session');
    const stored = await client.pullAll(0);
    expect(acked.size).toBeGreaterThan(KILLS);
    expect(killedInsideCommit).toBeGreaterThan(0);
    expect(stored.map((s) => s.clientSeq)).toEqual(stored.map((_, i) => i + 1));
    expectNothingLost(stored, [pusher]);
    // The ciphertext never carried the canary in the clear, through all the crashes.
    expect(readFileSync(logFile, 'utf8')).not.toContain(CANARY);
    for (const file of [dataFile, `${dataFile}-wal`]) {
      try {
        expect(readFileSync(file).includes(CANARY)).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  });
});
