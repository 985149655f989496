import { describe, expect, it } from 'vitest';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import { IMPORT_BATCH_SIZE } from '../../../core/imports/import-batch';
import { createStore } from '../../../core/store/store';
import type { RecordId } from '../../../core/records/types';
import { createHarness, person, saved, type Harness } from '../store/harness';

const seedPeople = async (store: Harness['store'], count: number, extra: Record<string, unknown> = {}): Promise<RecordId[]> => {
  const report = await store.insertMany('person', Array.from({ length: count }, (_, i) => person(`P${i}`, 'Bulk', extra)));
  expect(report.inserted).toBe(count);
  return (await store.page('person', 0, count)).map((record) => record.id);
};

const tagsOf = async (store: Harness['store'], id: RecordId): Promise<unknown> => {
  const record = await store.get(id);
  return record && 'tags' in record.fields ? record.fields.tags : undefined;
};

const auditTypes = async (store: Harness['store']): Promise<string[]> =>
  (await store.audit.entries()).map((entry) => entry.type).filter((type) => type.startsWith('bulk-'));

describe('a bulk change', () => {
  it('tags every selected record in one batch across transactions, lists it, and undoes as one', async () => {
    const { store, db } = await createHarness();
    const ids = await seedPeople(store, IMPORT_BATCH_SIZE * 2 + 5, { tags: ['Lead'] });

    const report = await store.applyBulk(ids, { type: 'add-tag', tag: 'Customer' });

    expect(report).toMatchObject({ changed: ids.length, unchanged: 0, failure: null });
    const batchId = report.batchId ?? '';
    expect(await tagsOf(store, ids[0] ?? '')).toEqual(['Lead', 'Customer']);
    const sets = await db.getAllFromIndex('changes', 'byBatch', batchId);
    expect(sets).toHaveLength(3);
    expect(sets.flatMap((set) => set.changes.map((change) => change.changed))).toEqual(ids.map(() => ['tags']));
    expect(await store.listBulkChanges()).toEqual([
      { batchId, action: { type: 'add-tag', tag: 'Customer' }, count: ids.length, at: expect.any(Number), undone: false },
    ]);
    // A bulk change is not an import: the import history does not list it.
    expect(await store.listImports()).toEqual([]);

    const undo = await store.undoBulk(batchId);

    expect(undo).toMatchObject({ restored: ids.length, skipped: [] });
    expect(await tagsOf(store, ids[0] ?? '')).toEqual(['Lead']);
    expect(await tagsOf(store, ids.at(-1) ?? '')).toEqual(['Lead']);
    expect((await store.listBulkChanges())[0]?.undone).toBe(true);
    expect(await auditTypes(store)).toEqual(['bulk-change-started', 'bulk-change-done', 'bulk-undo-started', 'bulk-undone']);
  });

  it('leaves out records that already carry the tag (in any case) and kinds without tags', async () => {
    const { store } = await createHarness();
    const tagged = saved(await store.create('person', person('Ada', 'Lovelace', { tags: ['customer'] })));
    const plain = saved(await store.create('person', person('Grace', 'Hopper')));
    const note = saved(await store.create('note', { recordId: plain.id, body: 'Met at the fair' }));

    const report = await store.applyBulk([tagged.id, plain.id, note.id, 'no-such-id'], { type: 'add-tag', tag: 'Customer' });

    expect(report).toMatchObject({ changed: 1, unchanged: 3 });
    expect(await tagsOf(store, tagged.id)).toEqual(['customer']);
    expect(await tagsOf(store, plain.id)).toEqual(['Customer']);
  });

  it('removes a tag, and sets a field only on kinds that have it, each undone to the earlier values', async () => {
    const { store } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { owner: 'Mary', tags: ['Customer', 'Leeds'] })));
    const deal = saved(await store.create('case', { name: 'Audit', owner: 'Mary' }));

    await store.applyBulk([ada.id], { type: 'remove-tag', tag: 'customer' });
    const owned = await store.applyBulk([ada.id, deal.id], { type: 'set-field', field: 'owner', value: 'Sam' });
    const titled = await store.applyBulk([ada.id, deal.id], { type: 'set-field', field: 'jobTitle', value: 'Analyst' });

    expect(await tagsOf(store, ada.id)).toEqual(['Leeds']);
    expect((await store.get(deal.id))?.fields).toMatchObject({ owner: 'Sam' });
    expect((await store.get(ada.id))?.fields).toMatchObject({ owner: 'Sam', jobTitle: 'Analyst' });
    expect(titled).toMatchObject({ changed: 1, unchanged: 1 });
    expect((await store.listBulkChanges()).map((change) => change.action)).toEqual([
      { type: 'set-field', field: 'jobTitle', value: 'Analyst' },
      { type: 'set-field', field: 'owner', value: 'Sam' },
      { type: 'remove-tag', tag: 'Customer' },
    ]);

    await store.undoBulk(titled.batchId ?? '');
    expect((await store.get(ada.id))?.fields).toMatchObject({ owner: 'Sam', jobTitle: '', tags: ['Leeds'] });
    // Ada was changed again after the owner change (the job title): only the case gets its owner back.
    const ownerUndo = await store.undoBulk(owned.batchId ?? '');
    expect(ownerUndo.skipped.map((skip) => skip.id)).toEqual([ada.id]);
    expect((await store.get(deal.id))?.fields).toMatchObject({ owner: 'Mary' });
  });

  it('refuses a value a form would refuse, writing nothing for that record', async () => {
    const { store } = await createHarness();
    const deal = saved(await store.create('case', { name: 'Audit' }));
    const report = await store.applyBulk([deal.id], { type: 'set-field', field: 'status', value: 'lost-at-sea' });
    expect(report).toMatchObject({ batchId: null, changed: 0, unchanged: 1 });
    expect((await store.get(deal.id))?.fields).toMatchObject({ status: 'open' });
  });

  it('leaves a record edited since the change as it is when undoing, and says so', async () => {
    const { store } = await createHarness();
    const [first = '', second = ''] = await seedPeople(store, 2);
    const report = await store.applyBulk([first, second], { type: 'add-tag', tag: 'Customer' });
    await store.update(first, 'person', { jobTitle: 'Edited later' });

    const undo = await store.undoBulk(report.batchId ?? '');

    expect(undo.restored).toBe(1);
    expect(undo.skipped).toEqual([{ id: first, kind: 'person', reason: { type: 'changed-since', undoing: 'update' } }]);
    expect(await tagsOf(store, first)).toEqual(['Customer']);
    expect(await tagsOf(store, second)).toEqual([]);
  });

  it('moves a selection to the trash with its notes as one batch, and the undo brings them all back', async () => {
    const { store } = await createHarness();
    const ids = await seedPeople(store, 3);
    const note = saved(await store.create('note', { recordId: ids[0], body: 'Call back' }));

    const report = await store.applyBulk(ids, { type: 'trash' });

    expect(report).toMatchObject({ changed: 3, failure: null });
    expect(await store.count('person')).toBe(0);
    expect((await store.get(note.id))?.deletedAt).not.toBeNull();
    expect((await store.listBulkChanges())[0]).toMatchObject({ action: { type: 'trash' }, count: 3 });

    const undo = await store.undoBulk(report.batchId ?? '');

    expect(undo.restored).toBe(4);
    expect(await store.count('person')).toBe(3);
    expect(await store.get(note.id)).toMatchObject({ deletedAt: null, fields: { body: 'Call back' } });
  });

  it('renames a tag, merging it where the record carries both, and counts tags per name', async () => {
    const { store } = await createHarness();
    const both = saved(await store.create('person', person('Ada', 'Lovelace', { tags: ['Client', 'Customer', 'Leeds'] })));
    const one = saved(await store.create('organisation', { name: 'Acme', tags: ['Client'] }));
    expect(await store.tagCounts()).toEqual([{ tag: 'Client', count: 2 }, { tag: 'Customer', count: 1 }, { tag: 'Leeds', count: 1 }]);

    const report = await store.renameTag('Client', 'Customer');

    expect(report.changed).toBe(2);
    expect(await tagsOf(store, both.id)).toEqual(['Customer', 'Leeds']);
    expect(await tagsOf(store, one.id)).toEqual(['Customer']);
    expect(await store.tagCounts()).toEqual([{ tag: 'Customer', count: 2 }, { tag: 'Leeds', count: 1 }]);
    expect((await store.listBulkChanges())[0]?.action).toEqual({ type: 'rename-tag', from: 'Client', to: 'Customer' });

    await store.undoBulk(report.batchId ?? '');
    expect(await store.tagCounts()).toEqual([{ tag: 'Client', count: 2 }, { tag: 'Customer', count: 1 }, { tag: 'Leeds', count: 1 }]);
  });
});

describe('a bulk change that fails mid-way', () => {
  /** A codec that fails, as a full disk would, to encode anything bound to `id` (its aad names it). */
  const failingFor = (id: RecordId): ValueCodec => ({
    ...plainCodec,
    encodeMany: async (values, aads) => {
      if (aads.some((aad) => aad.includes(id))) throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
      return plainCodec.encodeMany(values, aads);
    },
  });

  it('undoes the transactions that committed before it, so no record is left half-changed', async () => {
    const { store: seeding, deps } = await createHarness();
    const ids = await seedPeople(seeding, IMPORT_BATCH_SIZE + 10, { tags: ['Lead'] });
    // A second store on the same database, whose codec fails on the second transaction's last record.
    const store = createStore({ ...deps, codec: failingFor(ids.at(-1) ?? '') });

    const report = await store.applyBulk(ids, { type: 'add-tag', tag: 'Customer' });

    expect(report).toMatchObject({ batchId: null, changed: 0, failure: { type: 'storage-full' } });
    const stillLead = await Promise.all(ids.map((id) => tagsOf(store, id)));
    expect(stillLead.every((tags) => JSON.stringify(tags) === '["Lead"]')).toBe(true);
    expect(await auditTypes(store)).toEqual(['bulk-change-started', 'bulk-undo-started', 'bulk-undone', 'bulk-change-done']);
  });
});
