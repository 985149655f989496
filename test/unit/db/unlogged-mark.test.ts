/**
 * Every way a record row leaves the store, or is written with no change set, moves the unlogged
 * mark in its own transaction; a write the change log records leaves it where it was. A saved
 * search index reads every live id only when the mark moved (worker/search-service.ts): a path
 * missing here would leave what it removed findable after the next unlock.
 */
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../core/audit/audit-log';
import { UNLOGGED_MARK_KEY } from '../../../core/db/unlogged-mark';
import type { LocketDatabase } from '../../../core/db/schema';
import { emptyFields } from '../../../core/records/validate';
import { wipeTeamData } from '../../../core/sync-account/team-wipe';
import { createSearchLog } from '../../../worker/search-log';
import { createArchiveHarness, noProgress, PASSWORD, seedAccount } from '../backup/archive-harness';
import { device, exchange } from '../replica/replica-harness';
import { createHarness, person, saved, TEST_AUDIT_KEYS } from '../store/harness';

/** Starts the mark as the search index's first save does, and returns it. */
const started = (db: LocketDatabase): Promise<string> => createSearchLog(db).startedUnloggedMark();
const markNow = (db: LocketDatabase): Promise<unknown> => db.get('meta', UNLOGGED_MARK_KEY);

const expectMoved = async (db: LocketDatabase, before: string): Promise<void> => {
  const after = await markNow(db);
  expect(after).toBeTypeOf('string');
  expect(after).not.toBe(before);
};

describe('the unlogged mark', () => {
  it('stays where it was through writes the change log records: create, edit, trash, restore from the trash, import, bulk tag', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const before = await started(db);
    expect(await started(db)).toBe(before);

    saved(await store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const bert = saved(await store.create('person', person('Bert', 'Example')));
    await store.remove(bert.id);
    expect((await store.restore(bert.id)).ok).toBe(true);
    await store.applyImport('batch-1', [{
      op: 'create', id: 'imported-1', kind: 'organisation', createdAt: 1, updatedAt: 1,
      fields: { ...emptyFields('organisation', { owner: 'owner', currency: 'EUR' }), name: 'Acme' },
    }]);
    expect(await store.applyBulk([ada.id, bert.id], { type: 'add-tag', tag: 'customer' })).toMatchObject({ changed: 2 });
    expect(await markNow(db)).toBe(before);
  });

  it('moves when records are purged from the trash', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const before = await started(db);
    await store.remove(ada.id);
    expect(await markNow(db)).toBe(before);
    await store.deleteForever([ada.id]);
    await expectMoved(db, before);
  });

  it('moves when a person is erased', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const before = await started(db);
    await store.erase(ada.id, { suppressEmails: false });
    await expectMoved(db, before);
  });

  it('moves when an import is undone and the records it created are removed', async () => {
    const { store, db } = await createHarness();
    await store.applyImport('batch-u', [{
      op: 'create', id: 'imported-1', kind: 'organisation', createdAt: 1, updatedAt: 1,
      fields: { ...emptyFields('organisation', { owner: 'owner', currency: 'EUR' }), name: 'Acme' },
    }]);
    const before = await started(db);
    expect(await store.undoImport('batch-u')).toMatchObject({ removed: 1 });
    await expectMoved(db, before);
  });

  it('moves when a conversion is undone and the record it made is removed', async () => {
    const { store, db } = await createHarness();
    const shop = saved(await store.create('person', person('Corner', 'Shop')));
    const converted = await store.convertRecord({ id: shop.id, note: 'Converted' });
    if (!converted.ok) throw new Error('The conversion was refused');
    const before = await started(db);
    expect((await store.undoMerge(converted.value.undoId)).ok).toBe(true);
    await expectMoved(db, before);
  });

  it('moves on a device that receives another device’s purge, and not for its other changes', async () => {
    const laptop = await device('laptop');
    const phone = await device('phone');
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    await exchange(laptop, phone);
    const before = await started(phone.db);
    saved(await laptop.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    await exchange(laptop, phone);
    expect(await markNow(phone.db)).toBe(before);

    await laptop.store.remove(ada.id);
    await laptop.store.deleteForever([ada.id]);
    await exchange(laptop, phone);
    expect(await phone.store.get(ada.id)).toBeUndefined();
    await expectMoved(phone.db, before);
  });

  it('moves when a relay snapshot writes records, which leaves no change set', async () => {
    const laptop = await device('laptop');
    const fresh = await device('fresh');
    saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    const before = await started(fresh.db);
    await fresh.replica.applySnapshotStates!(await laptop.replica.snapshotStates!('', 100));
    await expectMoved(fresh.db, before);
  });

  it('moves when a backup is restored', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const backup = await harness.archive.createBackup(PASSWORD, noProgress);
    const before = await started(harness.db);
    expect((await harness.archive.restoreBackup(backup.bytes, PASSWORD, noProgress)).ok).toBe(true);
    await expectMoved(harness.db, before);
  });

  it('moves when a cancelled team’s data leaves the device', async () => {
    const { store, db, deps, clock } = await createHarness();
    saved(await store.create('person', person('Ada', 'Lovelace')));
    const before = await started(db);
    const audit = createAuditLog({ db, clock, keys: async () => TEST_AUDIT_KEYS });
    await wipeTeamData({ db, audit, author: deps.author }, { team: 'team-1', signedAt: 1, wipedAt: 2 });
    expect(await db.count('records')).toBe(0);
    await expectMoved(db, before);
  });
});
