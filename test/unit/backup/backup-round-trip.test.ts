import { describe, expect, it } from 'vitest';
import { failureText } from '../../../components/shared/failure-text';
import {
  createArchiveHarness, noProgress, PASSWORD, saved, seedAccount, visibleData,
} from './archive-harness';

describe('backup round trip', () => {
  it('restores records (trash and notes included), settings and the audit chain exactly as they were', async () => {
    const harness = await createArchiveHarness();
    const { store, archive, clock } = harness;
    const { ada, bert, org } = await seedAccount(harness);
    const before = await visibleData(harness);
    const logBefore = await store.audit.entries();

    const file = await archive.createBackup(PASSWORD, noProgress);
    expect(file.fileName).toBe('locket-2025-01-15.locket-backup');
    expect(file.mimeType).toBe('application/octet-stream');
    expect(new TextDecoder().decode(file.bytes)).not.toContain('Lovelace');

    // The owner carries on working, then goes back to the backup.
    clock.advance(60_000);
    saved(await store.update(ada.id, 'person', { jobTitle: 'Countess' }));
    saved(await store.create('person', { firstName: 'Carl', lastName: 'Newcomer' }));
    await store.remove(org.id);
    saved(await store.saveSettings({ ownerName: 'Someone Else' }));
    const logAtRestore = await store.audit.entries();

    const outcome = saved(await archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect(await visibleData(harness)).toEqual(before);
    expect(outcome).toMatchObject({ records: { person: 2, organisation: 1, case: 1, opportunity: 1, note: 2 }, settings: true, skippedErased: 0 });
    expect(outcome.auditEntries).toBe(logBefore.length);

    // The log loses nothing: the backup's entries, what was logged since (the deletion, the
    // settings change), then the restore itself, all in one verified chain.
    const log = await store.audit.entries();
    expect(log.slice(0, logBefore.length)).toEqual(logBefore);
    expect(log.slice(0, logAtRestore.length)).toEqual(logAtRestore);
    expect(logAtRestore.slice(logBefore.length).map((entry) => entry.type)).toEqual(expect.arrayContaining(['record-deleted', 'settings-changed']));
    expect(log.at(-1)).toMatchObject({ type: 'backup-restored', detail: { safetySnapshot: outcome.safetySnapshotId, records: 7 } });
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: logAtRestore.length + 1 });

    // History starts again at the restore, and the restored record reads and lists as before.
    expect(await store.changesFor(ada.id)).toMatchObject([{ op: 'restore', changed: [], values: {} }]);
    expect((await store.get(ada.id))?.fields).toMatchObject({ jobTitle: '', organisationId: org.id });
    expect(await store.get(bert.id)).toMatchObject({ deletedAt: expect.any(Number) });
    expect(await store.count('person')).toBe(1);
  });

  it('keeps a snapshot of the data as it was just before the restore, which restores it again', async () => {
    const harness = await createArchiveHarness();
    const { store, archive } = harness;
    const { ada } = await seedAccount(harness);
    const file = await archive.createBackup(PASSWORD, noProgress);
    saved(await store.update(ada.id, 'person', { jobTitle: 'Countess' }));
    const edited = await visibleData(harness);

    const outcome = saved(await archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect((await archive.listSnapshots()).map((snapshot) => [snapshot.id, snapshot.reason]))
      .toEqual([[outcome.safetySnapshotId, 'before-restore']]);
    saved(await archive.restoreSnapshot(outcome.safetySnapshotId, noProgress));
    expect(await visibleData(harness)).toEqual(edited);
  });

  it('restores into a fresh install under another account key', async () => {
    const source = await createArchiveHarness();
    await seedAccount(source);
    const before = await visibleData(source);
    const file = await source.archive.createBackup(PASSWORD, noProgress);

    const fresh = await createArchiveHarness();
    saved(await fresh.archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect(await visibleData(fresh)).toEqual(before);
    expect(await fresh.store.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('keeps an erased person out when their older backup is restored on another device after a later one', async () => {
    const source = await createArchiveHarness();
    const { ada } = await seedAccount(source);
    const older = await source.archive.createBackup(PASSWORD, noProgress);
    await source.store.erase(ada.id, { suppressEmails: false });
    const later = await source.archive.createBackup(PASSWORD, noProgress);

    const device = await createArchiveHarness();
    saved(await device.archive.restoreBackup(later.bytes, PASSWORD, noProgress));
    const outcome = saved(await device.archive.restoreBackup(older.bytes, PASSWORD, noProgress));
    expect(outcome.skippedErased).toBeGreaterThanOrEqual(1);
    expect(await device.store.get(ada.id)).toBeUndefined();
    expect(await device.store.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('reports progress up to the whole and logs the backup without personal data', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const progress: [number, number][] = [];
    const file = await harness.archive.createBackup(PASSWORD, (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([1000, 1000]);
    const entry = (await harness.store.audit.entries()).at(-1);
    expect(entry).toMatchObject({ type: 'backup-made', detail: { records: 7, trash: 2, settings: true, bytes: file.bytes.length } });
    expect(JSON.stringify(entry)).not.toMatch(/Ada|Lovelace|Olive/);
  });

  it('refuses a backup password shorter than eight characters', async () => {
    const harness = await createArchiveHarness();
    const refused = await harness.archive.createBackup('short', noProgress).then(() => null, (error: unknown) => failureText(error));
    expect(refused).toMatch(/at least 8 characters/);
  });
});
