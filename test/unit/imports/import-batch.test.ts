import { describe, expect, it } from 'vitest';
import { createIdFactory } from '../../../core/ids';
import { createManualClock } from '../../../core/clock';
import { emptyFields } from '../../../core/records/validate';
import type { PlannedWrite } from '../../../core/imports/import-batch-types';
import { IMPORT_BATCH_SIZE } from '../../../core/imports/import-batch';
import { createHarness, opaqueCodec, person, saved } from '../store/harness';
import { undoSkipText } from '../../../components/shared/messages/import-messages';

const DEFAULTS = { owner: 'owner', currency: 'EUR' };
const FILE_TIME = Date.UTC(2023, 5, 1);
const ids = createIdFactory(createManualClock(Date.UTC(2023, 0, 1)));

const newPerson = (firstName: string, email: string, id = ids()): PlannedWrite => ({
  op: 'create', id, kind: 'person', createdAt: FILE_TIME, updatedAt: FILE_TIME + 1,
  fields: { ...emptyFields('person', DEFAULTS), firstName, lastName: 'Imported', emails: [email] },
});

describe('applying an import batch', () => {
  it('creates records with their planned ids and times and updates others with whole fields', async () => {
    const { store, db, bus } = await createHarness({}, opaqueCodec);
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.com'], jobTitle: 'Analyst' })));
    const grace = newPerson('Grace', 'grace@example.com');
    const update: PlannedWrite = { op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, jobTitle: 'Countess', tags: ['imported'] } };

    const report = await store.applyImport('batch-1', [grace, update]);

    expect(report).toEqual({ written: 2, refused: [], failure: null });
    expect(await store.get(grace.id)).toMatchObject({ id: grace.id, createdAt: FILE_TIME, updatedAt: FILE_TIME + 1, fields: { firstName: 'Grace' } });
    expect((await store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Countess', tags: ['imported'] });
    const sets = await db.getAllFromIndex('changes', 'byBatch', 'batch-1');
    expect(sets).toHaveLength(1);
    expect(sets[0]?.changes.map((c) => [c.op, c.changed])).toEqual([['create', expect.arrayContaining(['firstName'])], ['update', ['jobTitle', 'tags']]]);
    // The previous values travel through the codec, never in the clear.
    expect(JSON.stringify(sets[0]?.previous)).not.toContain('Analyst');
    expect(bus.published.at(-1)?.ids).toEqual([grace.id, ada.id]);
  });

  it('refuses items whose fields a form would refuse, and writes the rest', async () => {
    const { store } = await createHarness();
    const bad: PlannedWrite = { ...newPerson('', 'nobody@example.com'), fields: { firstName: '' } };
    const good = newPerson('Grace', 'grace@example.com');

    const report = await store.applyImport('batch-2', [bad, good]);

    expect(report.written).toBe(1);
    expect(report.refused.map((r) => r.index)).toEqual([0]);
    expect(await store.get(bad.id)).toBeUndefined();
  });

  it('writes nothing of a failed transaction, keeps the batches before it and says where it stopped', async () => {
    const { store, bus } = await createHarness();
    const taken = saved(await store.create('person', person('Taken', 'Id')));
    const items = Array.from({ length: IMPORT_BATCH_SIZE + 10 }, (_, i) => newPerson(`P${i}`, `p${i}@example.com`));
    // A create whose id Locket already holds: its transaction cannot commit.
    items[IMPORT_BATCH_SIZE + 5] = newPerson('Clash', 'clash@example.com', taken.id);
    const progress: number[] = [];

    const report = await store.applyImport('batch-3', items, (handled) => progress.push(handled));

    expect(report.written).toBe(IMPORT_BATCH_SIZE);
    expect(report.failure).toMatchObject({ firstIndex: IMPORT_BATCH_SIZE, notWritten: 10 });
    expect(progress).toEqual([IMPORT_BATCH_SIZE]);
    expect(await store.count('person')).toBe(IMPORT_BATCH_SIZE + 1);
    expect(await store.get(items[IMPORT_BATCH_SIZE]?.id ?? '')).toBeUndefined();
    expect((await store.get(taken.id))?.fields).toMatchObject({ firstName: 'Taken' });
    expect(bus.published.at(-1)?.ids).toHaveLength(IMPORT_BATCH_SIZE);
  });
});

describe('auditing an import as it writes', () => {
  it('commits an import-started entry with the first batch it writes, so an import cut short is still in the log', async () => {
    const { store } = await createHarness();
    const taken = saved(await store.create('person', person('Taken', 'Id')));
    const items = Array.from({ length: IMPORT_BATCH_SIZE + 10 }, (_, i) => newPerson(`P${i}`, `p${i}@example.com`));
    items[IMPORT_BATCH_SIZE + 5] = newPerson('Clash', 'clash@example.com', taken.id);

    const report = await store.applyImport('batch-4', items);

    expect(report.written).toBe(IMPORT_BATCH_SIZE);
    const started = (await store.audit.entries()).filter((entry) => entry.type === 'import-started');
    expect(started.map((entry) => entry.detail)).toEqual([{ batchId: 'batch-4', planned: IMPORT_BATCH_SIZE + 10 }]);
  });

  it('writes no entry for an import that wrote nothing', async () => {
    const { store } = await createHarness();
    const bad: PlannedWrite = { ...newPerson('', 'nobody@example.com'), fields: { firstName: '' } };
    await store.applyImport('batch-5', [bad]);
    expect((await store.audit.entries()).filter((entry) => entry.type === 'import-started')).toEqual([]);
  });
});

describe('undoing an import batch', () => {
  it('removes created records for good and restores updated ones, as new change sets', async () => {
    const { store, db, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { jobTitle: 'Analyst', tags: ['vip'] })));
    const org: PlannedWrite = { op: 'create', id: ids(), kind: 'organisation', createdAt: FILE_TIME, updatedAt: FILE_TIME, fields: { ...emptyFields('organisation', DEFAULTS), name: 'Acme' } };
    const grace = newPerson('Grace', 'grace@example.com');
    const graceAtAcme = { ...grace, fields: { ...(grace.fields as object), organisationId: org.id } };
    await store.applyImport('batch-u', [org, graceAtAcme, { op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, jobTitle: 'Countess', tags: [] } }]);
    clock.advance(60_000);

    const report = await store.undoImport('batch-u');

    expect(report).toEqual({ removed: 2, restored: 1, skipped: [] });
    expect(await db.get('records', grace.id)).toBeUndefined();
    expect(await db.get('records', org.id)).toBeUndefined();
    expect((await store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Analyst', tags: ['vip'] });
    expect(await store.count('person')).toBe(1);
    const history = await store.changesFor(ada.id);
    expect(history.map((entry) => entry.op)).toEqual(['create', 'update', 'update']);
    expect(history.at(-1)?.values).toEqual({ jobTitle: 'Analyst', tags: ['vip'] });

    // Nothing left to undo the second time, and nothing reported as changed.
    expect(await store.undoImport('batch-u')).toEqual({ removed: 0, restored: 0, skipped: [] });
    // The first write of the undo committed its entry; the second undo wrote nothing, so none.
    const started = (await store.audit.entries()).filter((entry) => entry.type === 'import-undo-started');
    expect(started.map((entry) => entry.detail)).toEqual([{ batchId: 'batch-u' }]);
  });

  it('keeps a record edited since the import and says so', async () => {
    const { store, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { jobTitle: 'Analyst' })));
    const grace = newPerson('Grace', 'grace@example.com');
    const hopper = newPerson('Hopper', 'hopper@example.com');
    await store.applyImport('batch-e', [grace, hopper, { op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, jobTitle: 'Countess' } }]);
    clock.advance(60_000);
    saved(await store.update(ada.id, 'person', { lastName: 'King' }));
    saved(await store.update(grace.id, 'person', { jobTitle: 'Admiral' }));

    const report = await store.undoImport('batch-e');

    expect(report.restored).toBe(0);
    expect(report.removed).toBe(1);
    expect(report.skipped.map((skip) => skip.id).sort()).toEqual([ada.id, grace.id].sort());
    expect(undoSkipText(report.skipped[0]!.reason)).toMatch(/changed after the import/);
    expect((await store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Countess', lastName: 'King' });
    expect((await store.get(grace.id))?.fields).toMatchObject({ jobTitle: 'Admiral' });
    expect(await store.get(hopper.id)).toBeUndefined();
  });

  it('keeps a created record that a note added since links to', async () => {
    const { store } = await createHarness();
    const grace = newPerson('Grace', 'grace@example.com');
    await store.applyImport('batch-n', [grace]);
    saved(await store.create('note', { body: 'Called her', recordId: grace.id }));

    const report = await store.undoImport('batch-n');

    expect(report.removed).toBe(0);
    expect(report.skipped).toEqual([{ id: grace.id, kind: 'person', reason: expect.anything() }]);
    expect(undoSkipText(report.skipped[0]!.reason)).toMatch(/link to it/);
    expect(await store.get(grace.id)).toBeDefined();
  });
});

describe('listing past imports', () => {
  it('lists each import once, newest first, with its counts and whether it was undone', async () => {
    const { store, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { jobTitle: 'Analyst' })));
    clock.advance(60_000);
    const firstAt = clock.now();
    const items = Array.from({ length: IMPORT_BATCH_SIZE + 2 }, (_, i) => newPerson(`P${i}`, `p${i}@example.com`));
    await store.applyImport('batch-first', [...items, { op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, jobTitle: 'Countess' } }]);
    clock.advance(60_000);
    const secondAt = clock.now();
    await store.applyImport('batch-second', [newPerson('Grace', 'grace@example.com'), newPerson('Hopper', 'hopper@example.com')]);
    clock.advance(60_000);
    await store.undoImport('batch-second');

    expect(await store.listImports()).toEqual([
      { batchId: 'batch-second', importedAt: secondAt, created: 2, updated: 0, undone: true },
      { batchId: 'batch-first', importedAt: firstAt, created: IMPORT_BATCH_SIZE + 2, updated: 1, undone: false },
    ]);

    await store.undoImport('batch-first');
    expect((await store.listImports()).map((i) => [i.batchId, i.undone])).toEqual([['batch-second', true], ['batch-first', true]]);
  });

  it('lists nothing before the first import', async () => {
    const { store } = await createHarness();
    saved(await store.create('person', person('Ada', 'Lovelace')));
    expect(await store.listImports()).toEqual([]);
  });
});
