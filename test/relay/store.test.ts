import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { LATEST_SCHEMA_VERSION, readSchemaVersion, toDialect } from '../../relay/store/migrations';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 0, 1);

describe('migrations dialect map', () => {
  it('maps BLOB, INTEGER and STRICT for PostgreSQL and leaves SQLite alone', () => {
    const sql = 'CREATE TABLE t (a INTEGER NOT NULL, b BLOB, c TEXT) STRICT';
    expect(toDialect(sql, 'sqlite')).toBe(sql);
    expect(toDialect(sql, 'postgres')).toBe('CREATE TABLE t (a BIGINT NOT NULL, b BYTEA, c TEXT)');
  });
});

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let driver: SqlDriver;
  let store: RelayStore;
  const clock = createManualClock(START);
  let team: string;
  let device: TestDevice;

  beforeEach(async () => {
    clock.set(START);
    driver = await open();
    store = createRelayStore(driver, { clock });
    await store.migrate();
    team = newTeamId();
    device = await createTestDevice(team, newTeamKey(), clock);
    expect(await store.createTeam(team, device.keys.deviceId, device.keys.publicKey)).toBe('created');
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  it('migrates once, keeps its instance id across a second migrate, and reports ready', async () => {
    const instance = await store.instanceId();
    expect(await store.migrate()).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    expect(await store.instanceId()).toBe(instance);
    expect(await readSchemaVersion(driver)).toBe(LATEST_SCHEMA_VERSION);
    expect(await store.isReady()).toBe(true);
  });

  it('refuses a second team with the same id', async () => {
    const other = await createTestDevice(team, newTeamKey(), clock);
    expect(await store.createTeam(team, other.keys.deviceId, other.keys.publicKey)).toBe('team_exists');
    expect((await store.listDevices(team)).map((d) => d.device)).toEqual([device.keys.deviceId]);
  });

  it('assigns gap-free seqs in push order and pulls them back byte for byte', async () => {
    const sets = [await device.nextSet(['a']), await device.nextSet(['b', 'c']), await device.nextSet(['d'])];
    const outcome = await store.appendSets(team, device.keys.deviceId, sets);
    expect(outcome.results).toEqual(sets.map((s, i) => ({ setId: s.setId, seq: i + 1, duplicate: false })));
    expect(outcome.head).toBe(3);
    const pulled = await store.pullSets(team, 0, 10);
    expect(pulled.head).toBe(3);
    expect(pulled.more).toBe(false);
    expect(pulled.sets).toEqual(sets.map((s, i) => ({ ...s, seq: i + 1 })));
  });

  it('pages a pull with `more` and a cursor', async () => {
    const sets = [];
    for (let i = 0; i < 5; i += 1) sets.push(await device.nextSet([`item ${i}`]));
    await store.appendSets(team, device.keys.deviceId, sets);
    const first = await store.pullSets(team, 0, 2);
    expect(first.sets.map((s) => s.seq)).toEqual([1, 2]);
    expect(first.more).toBe(true);
    const rest = await store.pullSets(team, 2, 10);
    expect(rest.sets.map((s) => s.seq)).toEqual([3, 4, 5]);
    expect(rest.more).toBe(false);
  });

  it('ends a pull page at about a mebibyte of ciphertext, so a new device can fetch and apply a bulk insert page by page', async () => {
    const sets = [];
    // Two items of about 200 KB each: 400 KB of ciphertext a set.
    for (let i = 0; i < 5; i += 1) sets.push(await device.nextSet([`${i}a ${'x'.repeat(200_000)}`, `${i}b ${'y'.repeat(200_000)}`]));
    await store.appendSets(team, device.keys.deviceId, sets);
    const first = await store.pullSets(team, 0, 500);
    expect(first.sets.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(first.more).toBe(true);
    const rest = await store.pullSets(team, 3, 500);
    expect(rest.sets.map((s) => s.seq)).toEqual([4, 5]);
    expect(rest.more).toBe(false);
    expect([...first.sets, ...rest.sets]).toEqual(sets.map((s, i) => ({ ...s, seq: i + 1 })));
  });

  it('acknowledges a duplicate with its original seq and stores it once', async () => {
    const first = await device.nextSet(['a']);
    const second = await device.nextSet(['b']);
    await store.appendSets(team, device.keys.deviceId, [first, second]);
    const again = await store.appendSets(team, device.keys.deviceId, [first]);
    expect(again.results).toEqual([{ setId: first.setId, seq: 1, duplicate: true }]);
    expect(again.stored).toBe(0);
    expect(again.head).toBe(2);
    expect((await store.pullSets(team, 0, 10)).sets).toHaveLength(2);
  });

  it('refuses a clientSeq gap with the expected number and stores nothing after it', async () => {
    const first = await device.nextSet(['a']);
    const skipped = await device.nextSet(['b']);
    const third = await device.nextSet(['c']);
    const outcome = await store.appendSets(team, device.keys.deviceId, [first, third]);
    expect(outcome.results).toEqual([
      { setId: first.setId, seq: 1, duplicate: false },
      { setId: third.setId, error: 'gap', expected: 2 },
    ]);
    expect(outcome.head).toBe(1);
    const resumed = await store.appendSets(team, device.keys.deviceId, [skipped, third]);
    expect(resumed.results.map((r) => ('seq' in r ? r.seq : r.error))).toEqual([2, 3]);
  });

  it('refuses a reused clientSeq under another set id as a conflict', async () => {
    const first = await device.nextSet(['a']);
    await store.appendSets(team, device.keys.deviceId, [first]);
    const impostor = { ...(await device.nextSet(['b'])), clientSeq: 1 };
    expect((await store.appendSets(team, device.keys.deviceId, [impostor])).results).toEqual([{ setId: impostor.setId, error: 'conflict' }]);
  });

  it('refuses a set stamped more than an hour ahead of the relay clock', async () => {
    const future = await device.nextSet(['a'], { wallMs: START + 61 * 60_000 });
    expect((await store.appendSets(team, device.keys.deviceId, [future])).results).toEqual([{ setId: future.setId, error: 'clock_skew' }]);
    expect(await store.head(team)).toBe(0);
  });

  it('keeps each device contiguous while two devices interleave on one team sequence', async () => {
    const second = await createTestDevice(team, newTeamKey(), clock);
    expect(await store.addDevice(team, second.keys.deviceId, second.keys.publicKey, device.keys.deviceId)).toBe('added');
    await store.appendSets(team, device.keys.deviceId, [await device.nextSet(['a1'])]);
    await store.appendSets(team, second.keys.deviceId, [await second.nextSet(['b1'])]);
    await store.appendSets(team, device.keys.deviceId, [await device.nextSet(['a2'])]);
    const pulled = await store.pullSets(team, 0, 10);
    expect(pulled.sets.map((s) => [s.seq, s.device, s.clientSeq])).toEqual([
      [1, device.keys.deviceId, 1], [2, second.keys.deviceId, 1], [3, device.keys.deviceId, 2],
    ]);
    const acked = Object.fromEntries((await store.listDevices(team)).map((d) => [d.device, d.ackedClientSeq]));
    expect(acked).toEqual({ [device.keys.deviceId]: 2, [second.keys.deviceId]: 1 });
  });

  it('serialises concurrent appends of one team without a seq gap or a duplicate', async () => {
    const devices = [device];
    for (let i = 0; i < 3; i += 1) {
      const extra = await createTestDevice(team, newTeamKey(), clock);
      await store.addDevice(team, extra.keys.deviceId, extra.keys.publicKey, device.keys.deviceId);
      devices.push(extra);
    }
    const batches = await Promise.all(devices.map(async (d) => [await d.nextSet(['x']), await d.nextSet(['y'])]));
    await Promise.all(devices.map((d, i) => store.appendSets(team, d.keys.deviceId, batches[i]!)));
    const seqs = (await store.pullSets(team, 0, 100)).sets.map((s) => s.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a removed device can neither push, use its session, nor be added again', async () => {
    const second = await createTestDevice(team, newTeamKey(), clock);
    await store.addDevice(team, second.keys.deviceId, second.keys.publicKey, device.keys.deviceId);
    const token = new Uint8Array(32).fill(7);
    await store.createSession(team, second.keys.deviceId, token, START + 60_000);
    expect(await store.resolveSession(token)).toEqual({ team, device: second.keys.deviceId, removed: false });
    expect(await store.removeDevice(team, second.keys.deviceId)).toBe(true);
    expect(await store.removeDevice(team, second.keys.deviceId)).toBe(false);
    expect(await store.resolveSession(token)).toEqual({ team, device: second.keys.deviceId, removed: true });
    const set = await second.nextSet(['late']);
    expect((await store.appendSets(team, second.keys.deviceId, [set])).results).toEqual([{ setId: set.setId, error: 'removed' }]);
    expect(await store.addDevice(team, second.keys.deviceId, second.keys.publicKey, device.keys.deviceId)).toBe('removed');
    expect((await store.getDevice(team, second.keys.deviceId))?.removed).toBe(true);
    expect(await store.head(team)).toBe(0);
  });

  it('refuses pushes from a device the team does not know', async () => {
    const stranger = await createTestDevice(team, newTeamKey(), clock);
    const set = await stranger.nextSet(['x']);
    expect((await store.appendSets(team, stranger.keys.deviceId, [set])).results).toEqual([{ setId: set.setId, error: 'unknown_device' }]);
  });

  it('accepts a nonce once, for its own device, before it expires', async () => {
    const nonce = new Uint8Array(32).fill(1);
    await store.issueNonce(team, device.keys.deviceId, nonce, 60_000);
    expect(await store.consumeNonce(team, 'someone-else-entirely', nonce)).toBe(false);
    expect(await store.consumeNonce(team, device.keys.deviceId, nonce)).toBe(true);
    expect(await store.consumeNonce(team, device.keys.deviceId, nonce)).toBe(false);
    const late = new Uint8Array(32).fill(2);
    await store.issueNonce(team, device.keys.deviceId, late, 60_000);
    clock.advance(60_001);
    expect(await store.consumeNonce(team, device.keys.deviceId, late)).toBe(false);
  });

  it('expires sessions by the injected clock and sweeps what expired', async () => {
    const token = new Uint8Array(32).fill(9);
    await store.createSession(team, device.keys.deviceId, token, START + 1000);
    await store.issueNonce(team, device.keys.deviceId, new Uint8Array(32).fill(3), 1000);
    expect(await store.resolveSession(token)).toBeDefined();
    clock.advance(1000);
    expect(await store.resolveSession(token)).toBeUndefined();
    expect(await store.sweepExpired()).toEqual({ nonces: 1, sessions: 1 });
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(driver.transaction(async (tx) => {
      await tx.run(`UPDATE teams SET head_seq = 99 WHERE id = ?`, [team]);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await store.head(team)).toBe(0);
  });
});
