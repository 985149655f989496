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
import type { Envelope } from '../../core/sync/protocol';
import { connectDevice, type RelayClient } from './support/relay-client';
import { spawnRelay, type RelayProcess } from './support/relay-process';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const KILLS = 6;
const MAX_PUSH_ATTEMPTS = 2000;
const CANARY = `canary-${globalThis.crypto.randomUUID()}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const acked = new Map<string, number>();
    const pushed: Envelope[] = [];
    let stop = false;
    let attempts = 0;

    const pushOnce = async (set: Envelope): Promise<boolean> => {
      try {
        const response = await fetch(`${baseUrl}/v1/push`, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ reqId: set.setId, sets: [set] }), signal: AbortSignal.timeout(5000),
        });
        if (response.status !== 200) return false;
        const ack = (await response.json()) as { results: { setId: string; seq?: number }[] };
        const seq = ack.results[0]?.seq;
        if (seq === undefined) throw new Error(`Push refused: ${JSON.stringify(ack.results[0])}`);
        acked.set(set.setId, seq);
        return true;
      } catch (error) {
        if ((error as Error).message.startsWith('Push refused')) throw error;
        return false;
      }
    };

    // The same set is retried until acknowledged: the relay either stored it before the kill (re-ack) or not (stored now).
    const pusher = (async () => {
      while (!stop && attempts < MAX_PUSH_ATTEMPTS) {
        const set = await device.nextSet([`${CANARY} item ${pushed.length}`]);
        pushed.push(set);
        while (!(await pushOnce(set))) {
          attempts += 1;
          if (stop || attempts >= MAX_PUSH_ATTEMPTS) return;
          await sleep(25);
        }
      }
    })();

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
    stop = true;
    await pusher;

    const client: RelayClient = await connectDevice(baseUrl, device, 'session');
    const stored = await client.pullAll(0);
    expect(acked.size).toBeGreaterThan(KILLS);
    expect(killedInsideCommit).toBeGreaterThan(0);
    expect(stored.map((s) => s.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.map((s) => s.clientSeq)).toEqual(stored.map((_, i) => i + 1));
    const storedById = new Map(stored.map((s) => [s.setId, s]));
    for (const [setId, seq] of acked) expect(storedById.get(setId)?.seq).toBe(seq);
    const pushedById = new Map(pushed.map((s) => [s.setId, s]));
    for (const set of stored) {
      const { seq: _seq, ...envelope } = set;
      expect(envelope).toEqual(pushedById.get(set.setId));
    }
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
