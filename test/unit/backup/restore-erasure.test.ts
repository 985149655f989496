import { describe, expect, it } from 'vitest';
import { readSnapshot, removeFromSnapshots } from '../../../core/snapshots/snapshots';
import {
  createArchiveHarness, noProgress, PASSWORD, saved, seedAccount,
} from './archive-harness';

const rawText = async (harness: Awaited<ReturnType<typeof createArchiveHarness>>, store: 'records' | 'snapshotChunks') =>
  JSON.stringify(await harness.db.getAll(store));

describe('a restore never brings back an erased person', () => {
  it('leaves out a person erased after the backup, with their notes, and unlinks what pointed at them', async () => {
    const harness = await createArchiveHarness();
    const { store, archive } = harness;
    const { ada, kase, org } = await seedAccount(harness);
    const file = await archive.createBackup(PASSWORD, noProgress);
    await store.erase(ada.id, { suppressEmails: false });

    const outcome = saved(await archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect(outcome.skippedErased).toBe(2);
    expect(outcome.records).toMatchObject({ person: 1, note: 1, case: 1 });
    expect(await store.get(ada.id)).toBeUndefined();
    expect(await rawText(harness, 'records')).not.toContain(ada.id);
    expect((await store.get(kase.id))?.fields).toMatchObject({ name: 'Roof repair', partyId: null });
    expect(await store.get(org.id)).toBeDefined();
    expect(await store.linkedTo(ada.id)).toEqual([]);

    // The backup's log did not know the erasure: the new log carries it, so the next restore refuses it too.
    const erasures = (await store.audit.entries()).filter((entry) => entry.type === 'record-erased');
    expect(erasures.map((entry) => entry.subjects)).toEqual([[{ kind: 'person', idHash: await store.auditIdHash(ada.id) }]]);
    expect(await store.audit.verifyChain()).toMatchObject({ ok: true });
    const again = saved(await archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect(again.skippedErased).toBe(2);
    expect(await store.get(ada.id)).toBeUndefined();
  });

  it('leaves the erased person out of a snapshot taken before the erasure', async () => {
    const harness = await createArchiveHarness();
    const { store, archive } = harness;
    const { ada, kase } = await seedAccount(harness);
    const snapshot = await archive.takeSnapshot();
    // As the snapshot was before the erasure reached it (erasure also cleans snapshots; this checks the restore on its own).
    const copied = await harness.db.getAll('snapshotChunks');
    await store.erase(ada.id, { suppressEmails: false });
    for (const chunk of copied) await harness.db.put('snapshotChunks', chunk);
    await harness.db.put('snapshots', snapshot);

    const outcome = saved(await archive.restoreSnapshot(snapshot.id, noProgress));
    expect(outcome.skippedErased).toBe(2);
    expect(await store.get(ada.id)).toBeUndefined();
    expect((await store.get(kase.id))?.fields).toMatchObject({ partyId: null });
    expect((await store.audit.entries()).at(-1)).toMatchObject({
      type: 'snapshot-restored', detail: { snapshot: snapshot.id, skippedErased: 2 },
    });
  });

  it('removes an erased person and their notes from every snapshot', async () => {
    const harness = await createArchiveHarness();
    const { archive, db } = harness;
    const { ada, bert, kase } = await seedAccount(harness);
    const first = await archive.takeSnapshot();
    harness.clock.advance(1000);
    const second = await archive.takeSnapshot();
    expect(await rawText(harness, 'snapshotChunks')).toContain(ada.id);

    expect(await removeFromSnapshots(db, [ada.id], harness.codec)).toBe(4);
    expect(await rawText(harness, 'snapshotChunks')).not.toContain(ada.id);
    for (const id of [first.id, second.id]) {
      const contents = saved(await readSnapshot(db, id));
      expect(contents.info.records).toBe(first.records - 2);
      expect(contents.rows.map((row) => row.id)).toContain(bert.id);
    }
    expect(await removeFromSnapshots(db, [ada.id])).toBe(0);
    // The case that pointed at the person no longer does, in the clear or in its body.
    const restored = saved(await archive.restoreSnapshot(second.id, noProgress));
    expect(restored.skippedErased).toBe(0);
    expect((await harness.store.get(kase.id))?.fields).toMatchObject({ name: 'Roof repair', partyId: null });
  });

  it('cuts the clear links to an erased person from snapshots while locked', async () => {
    const harness = await createArchiveHarness();
    const { ada, kase } = await seedAccount(harness);
    const snapshot = await harness.archive.takeSnapshot();
    expect(await removeFromSnapshots(harness.db, [ada.id])).toBe(2);
    const contents = saved(await readSnapshot(harness.db, snapshot.id));
    expect(contents.rows.find((row) => row.id === kase.id)?.links).toEqual([]);
    expect(contents.rows.some((row) => row.id === ada.id)).toBe(false);
  });
});
