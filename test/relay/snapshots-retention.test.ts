/**
 * Encrypted snapshots on the relay, on every driver: kept daily for a week then weekly and none
 * past 50 days; sets older than 50 days leave the log once a later snapshot covers them (the
 * floor moves); ending a record (erasure, purge, trash retention) deletes its snapshot rows; and
 * nothing is deleted under a clock that jumped.
 */
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createManualClock } from '../../core/clock';
import { DAY_MS } from '../../core/retention/windows';
import { toBase64Url } from '../../core/security/base64url';
import type { SnapshotRow } from '../../core/sync/snapshot-protocol';
import { createRetentionSweep, type RetentionSweep } from '../../relay/retention/sweep';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { rowsHolding } from './support/table-scan';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 0, 1);

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);
vi.setConfig({ testTimeout: FIRST_OPEN_TIMEOUT_MS });

/** A row as an uploader sends it; its sealed state is random bytes the test can look for. */
const rowOf = (recordId: string): SnapshotRow & { bytes: Uint8Array } => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(48));
  return { recordId, kind: 'person', ct: toBase64Url(bytes), bytes };
};

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let driver: SqlDriver;
  let store: RelayStore;
  let sweep: RetentionSweep;
  let clock: ReturnType<typeof createManualClock>;
  let team: string;
  let device: TestDevice;

  beforeEach(async () => {
    clock = createManualClock(START);
    driver = await open();
    store = createRelayStore(driver, { clock });
    await store.migrate();
    sweep = createRetentionSweep(driver, { clock });
    team = newTeamId();
    device = await createTestDevice(team, newTeamKey(), clock);
    await store.createTeam(team, device.keys.deviceId, device.keys.publicKey);
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  const deviceId = () => device.keys.deviceId;
  const upload = async (rows: readonly SnapshotRow[], atSeq?: number): Promise<string> => {
    const begun = await store.beginSnapshot(team, deviceId(), atSeq ?? (await store.head(team)), 1);
    if (!('snapshotId' in begun)) throw new Error(`begin refused: ${begun.refused}`);
    if (rows.length > 0) await store.addSnapshotRows(team, deviceId(), begun.snapshotId, rows);
    expect(await store.commitSnapshot(team, deviceId(), begun.snapshotId)).toBe(true);
    return begun.snapshotId;
  };
  const snapshotIds = async () =>
    (await driver.all<{ id: string }>(`SELECT id FROM snapshots WHERE team_id = ? ORDER BY created_at`, [team])).map((row) => row.id);
  /** The relay left running: one sweep a day, through `days` days. */
  const liveFor = async (days: number) => {
    for (let day = 0; day < days; day += 1) {
      clock.advance(DAY_MS);
      expect((await sweep.run()).held).toBeNull();
    }
  };

  it('lists and serves only a committed snapshot, page by page in record order, and never past the head', async () => {
    await store.appendSets(team, deviceId(), [await device.nextSet(['Ada'])]);
    expect(await store.beginSnapshot(team, deviceId(), 2, 1)).toEqual({ refused: 'ahead' });
    const begun = await store.beginSnapshot(team, deviceId(), 1, 1);
    if (!('snapshotId' in begun)) throw new Error('begin refused');
    const rows = ['c', 'a', 'b'].map(rowOf);
    expect(await store.addSnapshotRows(team, deviceId(), begun.snapshotId, rows)).toEqual({ stored: 3 });
    // A retried page stores nothing twice.
    expect(await store.addSnapshotRows(team, deviceId(), begun.snapshotId, rows.slice(0, 1))).toEqual({ stored: 0 });
    expect((await store.latestSnapshot(team)).snapshot).toBeNull();
    expect(await store.snapshotPage(team, begun.snapshotId, '', 10)).toBeUndefined();

    await store.commitSnapshot(team, deviceId(), begun.snapshotId);
    expect(await store.latestSnapshot(team)).toEqual({ floor: 0, head: 1, snapshot: { id: begun.snapshotId, atSeq: 1, epoch: 1, createdAt: START } });
    const first = await store.snapshotPage(team, begun.snapshotId, '', 2);
    expect(first?.rows.map((row) => row.recordId)).toEqual(['a', 'b']);
    expect(first?.more).toBe(true);
    const second = await store.snapshotPage(team, begun.snapshotId, 'b', 2);
    expect(second).toEqual({ rows: [{ recordId: 'c', kind: 'person', ct: rows[0]!.ct }], more: false });
    // Committed: no more rows go in.
    expect(await store.addSnapshotRows(team, deviceId(), begun.snapshotId, [rowOf('d')])).toEqual({ refused: 'not_found' });
  });

  it('on day 8 thins to one snapshot for the older week; none is kept past 50 days, rows and all', async () => {
    const daily: string[] = [];
    for (let day = 0; day <= 7; day += 1) {
      daily.push(await upload([rowOf(`r${day}`)]));
      await liveFor(1);
    }
    // Day 8: the snapshots of days 0 and 1 are a week old or more, in one weekly bucket: the older stays.
    expect(await snapshotIds()).toEqual(daily.filter((_, day) => day !== 1));
    await liveFor(43);
    // Day 51: the day-0 snapshot is past 50 days; every one left is younger.
    const left = await driver.all<{ id: string; created_at: number }>(`SELECT id, created_at FROM snapshots WHERE team_id = ?`, [team]);
    expect(left.map((row) => row.id)).not.toContain(daily[0]);
    expect(left.every((row) => clock.now() - Number(row.created_at) < 50 * DAY_MS)).toBe(true);
    await liveFor(7);
    // Day 58: no upload for seven weeks, and nothing past 50 days is kept, not even the newest.
    expect(await snapshotIds()).toEqual([]);
    expect(await driver.all(`SELECT record_id FROM snapshot_rows WHERE team_id = ?`, [team])).toEqual([]);
  });

  it('drops sets older than 50 days once a later snapshot covers them, and moves the floor no further', async () => {
    await store.appendSets(team, deviceId(), [await device.nextSet(['Ada']), await device.nextSet(['Bo'])]);
    await upload([rowOf('ada')]);
    await liveFor(20);
    await store.appendSets(team, deviceId(), [await device.nextSet(['Cy'])]);
    await liveFor(25);
    await upload([rowOf('ada'), rowOf('cy')]);
    await liveFor(4);
    // Day 49: every set is inside the window.
    expect((await store.pullSets(team, 0, 10)).sets.map((set) => set.seq)).toEqual([1, 2, 3]);
    await liveFor(2);
    // Day 51: sets 1 and 2 are past 50 days and under the day-45 snapshot; set 3 is 31 days old.
    expect(await store.logFloor(team)).toBe(2);
    expect((await store.pullSets(team, 0, 10)).sets.map((set) => set.seq)).toEqual([3]);
  });

  it('keeps a purge below the floor: a device back from the snapshot still learns the record ended', async () => {
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: 'Dee', recordId: 'dee', op: 'create' }])]);
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: '', recordId: 'dee', op: 'purge' }]), await device.nextSet(['Eve'])]);
    await liveFor(45);
    await upload([rowOf('eve')]);
    await liveFor(6);
    expect(await store.logFloor(team)).toBe(3);
    expect((await store.pullSets(team, 0, 10)).sets.map((set) => [set.seq, set.items.map((item) => item.op)])).toEqual([[2, ['purge']]]);
    expect((await store.latestSnapshot(team)).snapshot?.atSeq).toBe(3);
  });

  it('without a snapshot the log keeps its live sets past 50 days, and the floor stays at 0', async () => {
    await store.appendSets(team, deviceId(), [await device.nextSet(['Ada'])]);
    await liveFor(60);
    expect(await store.logFloor(team)).toBe(0);
    expect((await store.pullSets(team, 0, 10)).sets).toHaveLength(1);
  });

  it('an erased canary leaves no snapshot row, and its receipt counts them; rows of an ended id are refused', async () => {
    const canary = rowOf('canary-7f3a');
    const other = rowOf('kept');
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: 'canary', recordId: canary.recordId, op: 'create' }])]);
    await upload([canary, other]);
    await upload([canary]);
    expect((await rowsHolding(driver, [canary.bytes])).snapshot_rows).toBe(2);
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: '', recordId: canary.recordId, op: 'erase' }])]);
    const counts = await rowsHolding(driver, [canary.bytes, canary.recordId]);
    expect(counts.snapshot_rows).toBe(0);
    expect((await driver.all(`SELECT record_id FROM snapshot_rows WHERE team_id = ?`, [team]))).toEqual([{ record_id: 'kept' }]);
    // One create's ciphertext and two snapshot rows.
    expect((await store.listErasures(team, 0))[0]?.rowsDeleted).toBe(3);
    const later = await store.beginSnapshot(team, deviceId(), await store.head(team), 1);
    if (!('snapshotId' in later)) throw new Error('begin refused');
    expect(await store.addSnapshotRows(team, deviceId(), later.snapshotId, [canary, rowOf('fresh')])).toEqual({ stored: 1 });
  });

  it('trash retention at 31 days deletes the trashed record\'s snapshot rows and keeps the others', async () => {
    const bob = rowOf('bob');
    const cy = rowOf('cy');
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: 'Bob', recordId: 'bob', op: 'create' }, { text: 'Cy', recordId: 'cy', op: 'create' }])]);
    await store.appendSets(team, deviceId(), [await device.nextSet([{ text: 'trash', recordId: 'bob', op: 'delete' }])]);
    await upload([bob, cy]);
    await liveFor(29);
    expect((await rowsHolding(driver, [bob.bytes])).snapshot_rows).toBe(1);
    await liveFor(2);
    expect((await rowsHolding(driver, [bob.bytes])).snapshot_rows).toBe(0);
    expect((await rowsHolding(driver, [cy.bytes])).snapshot_rows).toBe(1);
  });

  it('deletes no snapshot and moves no floor under a clock that jumped ahead, until a later reading agrees', async () => {
    await store.appendSets(team, deviceId(), [await device.nextSet(['Ada'])]);
    const old = await upload([rowOf('ada')]);
    clock.advance(60 * DAY_MS);
    expect((await sweep.run()).held).toMatchObject({ type: 'clock-jumped' });
    expect(await snapshotIds()).toEqual([old]);
    expect(await store.logFloor(team)).toBe(0);
    clock.advance(2 * 60 * 60 * 1000);
    const report = await sweep.run();
    expect(report.held).toBeNull();
    expect(report.snapshotsDeleted).toBe(1);
    expect(await snapshotIds()).toEqual([]);
  });

  it('deletes an upload left open for a day, in batches that resume', async () => {
    const begun = await store.beginSnapshot(team, deviceId(), 0, 1);
    if (!('snapshotId' in begun)) throw new Error('begin refused');
    await store.addSnapshotRows(team, deviceId(), begun.snapshotId, ['a', 'b', 'c', 'd', 'e'].map(rowOf));
    clock.advance(DAY_MS);
    const report = await createRetentionSweep(driver, { clock, batch: 2 }).run();
    expect(report.snapshotRowsDeleted).toBe(5);
    expect(report.snapshotsDeleted).toBe(1);
    expect(await snapshotIds()).toEqual([]);
  });
});
