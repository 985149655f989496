import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { connectDevice, waitFor } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestSyncDevice, type Directory, type TestSyncDevice } from './support/sync-test-deps';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

/** Registers `first` as the team's first device on `relayUrl` and enrolls the others through it. */
const enroll = async (relayUrl: string, first: TestSyncDevice, ...others: TestSyncDevice[]) => {
  const client = await connectDevice(relayUrl, first.device, 'register');
  for (const other of others) expect((await client.addDevice(other.device)).status).toBe(200);
  return client;
};

describe('two sync engines through a real relay', () => {
  let relay: TestRelay;
  let team: string;
  let directory: Directory;
  let laptop: TestSyncDevice;
  let phone: TestSyncDevice;
  const engines: SyncEngine[] = [];
  const started = (engine: SyncEngine): SyncEngine => {
    engines.push(engine);
    engine.start();
    return engine;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    team = newTeamId();
    directory = new Map();
    laptop = await createTestSyncDevice(team, relay.url, directory);
    phone = await createTestSyncDevice(team, relay.url, directory);
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('brings a set written on one device to the other after a poke, and reports the latency', async () => {
    await enroll(relay.url, laptop, phone);
    const onLaptop = started(laptop.newEngine());
    const onPhone = started(phone.newEngine());
    await waitFor(() => onLaptop.status().state === 'connected' && onPhone.status().state === 'connected');

    const writeToApplied: number[] = [];
    const pushToApplied: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const writtenAt = performance.now();
      const set = laptop.replica.write(`person ${index}`);
      await waitFor(() => phone.replica.appliedAt.has(set.setId), 5000);
      writeToApplied.push(phone.replica.appliedAt.get(set.setId)! - writtenAt);
      pushToApplied.push(phone.replica.appliedAt.get(set.setId)! - laptop.replica.ackedAt.get(set.setId)!);
    }
    writeToApplied.sort((a, b) => a - b);
    pushToApplied.sort((a, b) => a - b);
    console.info(
      `sync latency over 50 sets: push→applied median ${percentile(pushToApplied, 0.5).toFixed(1)} ms, p95 ${percentile(pushToApplied, 0.95).toFixed(1)} ms; `
      + `write→applied (incl. ${200} ms debounce) median ${percentile(writeToApplied, 0.5).toFixed(1)} ms, p95 ${percentile(writeToApplied, 0.95).toFixed(1)} ms`,
    );
    expect(phone.replica.sets().size).toBe(50);
    expect(percentile(pushToApplied, 0.95)).toBeLessThan(2000);
    await waitFor(() => onLaptop.status().waiting === 0);
    expect(onLaptop.status()).toMatchObject({ state: 'connected', waiting: 0, problem: null });
    expect(onLaptop.status().lastSyncedAt).not.toBeNull();
  });

  it('pushes an outbox larger than one request body in several requests, and the other device gets every set', async () => {
    await enroll(relay.url, laptop, phone);
    // 40 sets of about 100 kB: together more than twice the relay's 2 MiB body limit.
    const written = Array.from({ length: 40 }, (_, index) => laptop.replica.write(`${index} `.padEnd(100_000, 'x')).setId);
    const onLaptop = started(laptop.newEngine());
    const onPhone = started(phone.newEngine());
    await waitFor(() => onLaptop.status().waiting === 0 && phone.replica.sets().size === written.length, 20_000);
    expect(onLaptop.status().problem).toBeNull();
    expect([...phone.replica.sets().keys()].sort()).toEqual([...written].sort());
    expect(onPhone.status().problem).toBeNull();
  });

  it('catches up a device that was offline, both ways', async () => {
    await enroll(relay.url, laptop, phone);
    const onLaptop = started(laptop.newEngine());
    const firstPhoneEngine = started(phone.newEngine());
    await waitFor(() => firstPhoneEngine.status().state === 'connected');
    await firstPhoneEngine.stop();
    expect(firstPhoneEngine.status().state).toBe('off');

    const fromLaptop = Array.from({ length: 12 }, (_, index) => laptop.replica.write(`while away ${index}`).setId);
    const fromPhone = Array.from({ length: 3 }, (_, index) => phone.replica.write(`offline edit ${index}`).setId);
    await waitFor(() => onLaptop.status().waiting === 0 && laptop.replica.ackedAt.size === 12);
    expect(fromPhone.some((id) => laptop.replica.sets().has(id))).toBe(false);

    const onPhone = started(phone.newEngine());
    await waitFor(() => fromLaptop.every((id) => phone.replica.sets().has(id)) && fromPhone.every((id) => laptop.replica.sets().has(id)));
    await waitFor(() => onPhone.status().waiting === 0);
    expect([...phone.replica.sets().keys()].sort()).toEqual([...laptop.replica.sets().keys()].sort());
  });

  it('re-pushes everything to a relay restarted on an empty database, and both converge', async () => {
    await enroll(relay.url, laptop, phone);
    const onLaptop = started(laptop.newEngine());
    const onPhone = started(phone.newEngine());
    for (let index = 0; index < 5; index += 1) {
      laptop.replica.write(`laptop ${index}`);
      phone.replica.write(`phone ${index}`);
    }
    await waitFor(() => laptop.replica.sets().size === 10 && phone.replica.sets().size === 10);
    await waitFor(() => onLaptop.status().waiting === 0 && onPhone.status().waiting === 0);

    await relay.dispose();
    await waitFor(() => onLaptop.status().state === 'offline' && onPhone.status().state === 'offline');
    relay = await startTestRelay();
    // The account re-enrolls its devices on the new relay; the engines find a new instance there.
    await enroll(relay.url, laptop, phone);
    laptop.transport.switchTo(relay.url);
    phone.transport.switchTo(relay.url);
    laptop.replica.write('written after the restart');

    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await onPhone.syncNow()).toEqual({ ok: true, value: undefined });
    await waitFor(() => laptop.replica.sets().size === 11 && phone.replica.sets().size === 11);
    expect([...phone.replica.sets().keys()].sort()).toEqual([...laptop.replica.sets().keys()].sort());
    const onRelay = await (await connectDevice(relay.url, laptop.device, 'session')).pullAll(0);
    expect(onRelay.map((set) => set.setId).sort()).toEqual([...laptop.replica.sets().keys()].sort());
  });

  it('re-pushes to a relay restored from an older copy of its database (same instance, head below the cursor)', async () => {
    await enroll(relay.url, laptop, phone);
    const onLaptop = started(laptop.newEngine());
    const onPhone = started(phone.newEngine());
    laptop.replica.write('before the backup');
    phone.replica.write('also before the backup');
    await waitFor(() => laptop.replica.sets().size === 2 && phone.replica.sets().size === 2 && onPhone.status().waiting === 0);

    // The operator copies the database, the devices carry on, then the relay comes back from the copy.
    const backup = join(relay.dir, 'backup.sqlite');
    await relay.close();
    copyFileSync(relay.dataFile, backup);
    const restarted = await startTestRelay({ dataFile: relay.dataFile });
    for (const device of [laptop, phone]) device.transport.switchTo(restarted.url);
    expect((await onLaptop.syncNow()).ok).toBe(true);
    expect((await onPhone.syncNow()).ok).toBe(true);
    const lost = [laptop.replica.write('after the backup'), phone.replica.write('also after the backup')].map((set) => set.setId);
    await waitFor(() => laptop.replica.sets().size === 4 && phone.replica.sets().size === 4);
    await restarted.close();
    copyFileSync(backup, relay.dataFile);
    const restored = await startTestRelay({ dataFile: relay.dataFile });
    try {
      for (const device of [laptop, phone]) device.transport.switchTo(restored.url);
      expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
      expect(await onPhone.syncNow()).toEqual({ ok: true, value: undefined });
      const onRelay = await (await connectDevice(restored.url, laptop.device, 'session')).pullAll(0);
      expect(onRelay.map((set) => set.setId)).toEqual(expect.arrayContaining(lost));
      expect(onRelay).toHaveLength(4);
      expect([...phone.replica.sets().keys()].sort()).toEqual([...laptop.replica.sets().keys()].sort());
      await waitFor(() => onLaptop.status().state === 'connected');
      await onLaptop.syncNow();
      expect(await laptop.replica.cursor()).toMatchObject({ seq: 4 });
    } finally {
      await Promise.all(engines.splice(0).map((engine) => engine.stop()));
      await restored.close();
      await restarted.dispose();
      await restored.dispose();
    }
  });

  it('re-sends from the clientSeq a relay names in `gap`, when it holds less than the device was told', async () => {
    await enroll(relay.url, laptop, phone);
    const ids = [laptop.replica.write('one'), laptop.replica.write('two'), laptop.replica.write('three')].map((set) => set.setId);
    // The device believes 1 and 2 were acknowledged (say, by a relay since restored from an older copy of itself).
    await laptop.replica.pending(100);
    await laptop.replica.acknowledge(2);
    const onLaptop = started(laptop.newEngine());
    await waitFor(() => onLaptop.status().state === 'connected' && onLaptop.status().waiting === 0);
    const onRelay = await (await connectDevice(relay.url, laptop.device, 'session')).pullAll(0);
    expect(onRelay.map((set) => [set.setId, set.clientSeq])).toEqual([[ids[0], 1], [ids[1], 2], [ids[2], 3]]);
  });

  it('stops a removed device with `removed`, and nothing more reaches it', async () => {
    const laptopClient = await enroll(relay.url, laptop, phone);
    const onLaptop = started(laptop.newEngine());
    const onPhone = started(phone.newEngine());
    await waitFor(() => onPhone.status().state === 'connected' && onLaptop.status().state === 'connected');

    expect((await laptopClient.removeDevice(phone.crypto.deviceId)).status).toBe(200);
    await waitFor(() => onPhone.status().state === 'removed');
    expect(onPhone.status().problem).toEqual({ type: 'removed' });
    const later = laptop.replica.write('after the removal');
    await waitFor(() => onLaptop.status().waiting === 0 && laptop.replica.ackedAt.has(later.setId));
    expect(await onPhone.syncNow()).toEqual({ ok: false, error: { type: 'removed' } });
    expect(phone.replica.sets().has(later.setId)).toBe(false);
  });

  it('skips a set that does not verify against the account’s devices, and applies the rest', async () => {
    const laptopClient = await enroll(relay.url, laptop, phone);
    // A key the relay enrolled but the account never added: its sets carry valid relay-side signatures.
    const intruder = await createTestDevice(team, newTeamKey());
    expect((await laptopClient.addDevice(intruder)).status).toBe(200);
    const intruderClient = await connectDevice(relay.url, intruder, 'session');
    const forged = await intruder.nextSet(['not from this account']);
    expect((await intruderClient.push([forged])).results[0]).toMatchObject({ duplicate: false });

    const onPhone = started(phone.newEngine());
    const onLaptop = started(laptop.newEngine());
    const genuine = laptop.replica.write('genuine');
    await waitFor(() => phone.replica.sets().has(genuine.setId));
    expect(phone.replica.sets().has(forged.setId)).toBe(false);
    expect(onPhone.rejectedSets()).toBe(1);
    expect(onLaptop.rejectedSets()).toBe(1);
    expect((await phone.replica.cursor())?.seq).toBe(2);
  });
});
