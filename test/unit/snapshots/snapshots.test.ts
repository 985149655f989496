import { describe, expect, it } from 'vitest';
import { DAY_MS, SNAPSHOT_MAX_DAYS } from '../../../core/retention/windows';
import {
  expireSnapshots, listSnapshots, readSnapshot, SNAPSHOT_DAMAGED, SNAPSHOT_MISSING, takeSnapshot,
} from '../../../core/snapshots/snapshots';
import {
  createArchiveHarness, noProgress, rawDatabase, saved, seedAccount, visibleData, type ArchiveHarness,
} from '../backup/archive-harness';

const snapshotNow = (harness: ArchiveHarness, reason: 'daily' | 'manual' = 'daily') =>
  takeSnapshot(harness.db, { clock: harness.clock, newId: harness.deps.newId, reason });

describe('archival snapshots', () => {
  it('restores the records and settings exactly as they were when it was taken', async () => {
    const harness = await createArchiveHarness();
    const { store, archive, clock } = harness;
    const { ada, bert, kase } = await seedAccount(harness);
    const snapshot = await archive.takeSnapshot();
    const atSnapshot = await visibleData(harness);
    expect(snapshot).toMatchObject({ reason: 'manual', records: 7, complete: true });
    expect(snapshot.bytes).toBeGreaterThan(0);

    clock.advance(DAY_MS);
    saved(await store.update(ada.id, 'person', { lastName: 'Byron' }));
    saved(await store.restore(bert.id));
    await store.remove(kase.id);
    saved(await store.create('organisation', { name: 'Later Ltd' }));
    saved(await store.saveSettings({ ownerName: 'Changed' }));

    const outcome = saved(await archive.restoreSnapshot(snapshot.id, noProgress));
    expect(await visibleData(harness)).toEqual(atSnapshot);
    expect(outcome).toMatchObject({ records: { person: 2, note: 2 }, settings: true, auditEntries: 0, skippedErased: 0 });
    expect(await store.changesFor(ada.id)).toMatchObject([{ op: 'restore' }]);
    expect((await store.audit.entries()).at(-1)).toMatchObject({ type: 'snapshot-restored', detail: { snapshot: snapshot.id } });
    expect(await store.audit.verifyChain()).toMatchObject({ ok: true });
    expect(harness.bus.published.at(-1)).toMatchObject({ settings: true });
    expect(harness.bus.published.at(-1)?.ids).toEqual(expect.arrayContaining([ada.id, bert.id, kase.id]));
  });

  it('copies thousands of records in chunks and reads every one back', async () => {
    const harness = await createArchiveHarness();
    const inputs = Array.from({ length: 2500 }, (_, n) => ({ firstName: `Person ${n}`, lastName: 'Bulk' }));
    expect((await harness.store.insertMany('person', inputs)).inserted).toBe(2500);
    const snapshot = await snapshotNow(harness);
    expect(snapshot.records).toBe(2500);
    expect(await harness.db.countFromIndex('snapshotChunks', 'bySnapshot', snapshot.id)).toBe(4);
    const contents = saved(await readSnapshot(harness.db, snapshot.id));
    expect(new Set(contents.rows.map((row) => row.id)).size).toBe(2500);
  });

  it('never lists or restores a snapshot that did not finish, and expires it after an hour', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const done = await snapshotNow(harness);
    await harness.db.put('snapshots', { ...done, id: 'cut-short', complete: false });
    await harness.db.put('snapshotChunks', { snapshotId: 'cut-short', seq: 0, records: [], settings: [] });

    expect((await listSnapshots(harness.db)).map((info) => info.id)).toEqual([done.id]);
    const before = await rawDatabase(harness.db);
    expect(await harness.archive.restoreSnapshot('cut-short', noProgress)).toEqual({ ok: false, error: SNAPSHOT_DAMAGED });
    expect(await rawDatabase(harness.db)).toEqual(before);

    expect(await expireSnapshots(harness.db, harness.clock.now() + 30 * 60 * 1000)).toBe(0);
    expect(await expireSnapshots(harness.db, harness.clock.now() + 60 * 60 * 1000)).toBe(1);
    expect(await harness.db.get('snapshots', 'cut-short')).toBeUndefined();
    expect(await harness.db.countFromIndex('snapshotChunks', 'bySnapshot', 'cut-short')).toBe(0);
    expect(await listSnapshots(harness.db)).toHaveLength(1);
  });

  it('refuses a snapshot that is gone or has lost a chunk, and changes nothing', async () => {
    const harness = await createArchiveHarness();
    const inputs = Array.from({ length: 1500 }, (_, n) => ({ firstName: `Person ${n}`, lastName: 'Bulk' }));
    await harness.store.insertMany('person', inputs);
    const snapshot = await snapshotNow(harness);
    await harness.db.delete('snapshotChunks', [snapshot.id, 1]);
    const before = await rawDatabase(harness.db);
    expect(await harness.archive.restoreSnapshot(snapshot.id, noProgress)).toEqual({ ok: false, error: SNAPSHOT_DAMAGED });
    expect(await harness.archive.restoreSnapshot('no-such-snapshot', noProgress)).toEqual({ ok: false, error: SNAPSHOT_MISSING });
    expect(await rawDatabase(harness.db)).toEqual(before);
  });

  it('refuses a snapshot sealed under another account key', async () => {
    const harness = await createArchiveHarness();
    const other = await createArchiveHarness();
    await seedAccount(other);
    const foreign = await snapshotNow(other);
    for (const store of ['snapshots', 'snapshotChunks'] as const) {
      for (const row of await other.db.getAll(store)) await harness.db.put(store, row);
    }
    const before = await rawDatabase(harness.db);
    expect(await harness.archive.restoreSnapshot(foreign.id, noProgress)).toEqual({ ok: false, error: SNAPSHOT_DAMAGED });
    expect(await rawDatabase(harness.db)).toEqual(before);
  });

  it('expires a snapshot once it is 50 days old and three newer ones exist', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const snapshot = await snapshotNow(harness);
    harness.clock.advance((SNAPSHOT_MAX_DAYS - 1) * DAY_MS);
    expect(await expireSnapshots(harness.db, harness.clock.now())).toBe(0);
    expect((await listSnapshots(harness.db)).map((info) => info.id)).toEqual([snapshot.id]);
    harness.clock.advance(DAY_MS);
    // The only snapshot is never expired, however old: the newest three are always kept.
    expect(await expireSnapshots(harness.db, harness.clock.now())).toBe(0);
    const newer = [await snapshotNow(harness), await snapshotNow(harness), await snapshotNow(harness)];
    expect(await expireSnapshots(harness.db, harness.clock.now())).toBe(1);
    expect((await listSnapshots(harness.db)).map((info) => info.id).sort()).toEqual(newer.map((info) => info.id).sort());
    expect(await harness.db.countFromIndex('snapshotChunks', 'bySnapshot', snapshot.id)).toBe(0);
  });

  it('keeps about two weeks of daily snapshots, none older than 50 days, after months of them', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    for (let day = 0; day < 90; day++) {
      await snapshotNow(harness);
      await expireSnapshots(harness.db, harness.clock.now());
      harness.clock.advance(DAY_MS);
    }
    const kept = await listSnapshots(harness.db);
    const now = harness.clock.now();
    expect(kept.length).toBeLessThanOrEqual(14);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(kept.every((info) => now - info.takenAt < SNAPSHOT_MAX_DAYS * DAY_MS)).toBe(true);
    expect(kept.map((info) => info.takenAt)).toEqual([...kept.map((info) => info.takenAt)].sort((a, b) => b - a));
    expect(await harness.db.count('snapshots')).toBe(kept.length);
  });
});
