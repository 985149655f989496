import { describe, expect, it } from 'vitest';
import { createHarness, person, saved, type Harness } from '../store/harness';
import type { LocketRecord, RecordId } from '../../../core/records/types';
import { createHlc } from '../../../core/hlc';

const NOTE = 'Merged from Anna Schmitt on 6 Dec';

/** Two Annas, each with a note; the second also with a case and an opportunity. */
const twoAnnas = async ({ store }: Harness) => {
  const org = saved(await store.create('organisation', { name: 'Acme' }));
  const anna = saved(await store.create('person', person('Anna', 'Schmidt', { emails: ['anna@example.com'], tags: ['Customer'] })));
  const twin = saved(await store.create('person', person('Anna', 'Schmitt', { emails: ['a.schmidt@work.example'], jobTitle: 'Buyer', organisationId: org.id, tags: ['Leeds'] })));
  const noteOnAnna = saved(await store.create('note', { body: 'Met at the fair', recordId: anna.id }));
  const noteOnTwin = saved(await store.create('note', { body: 'Called about shoes', recordId: twin.id }));
  const deal = saved(await store.create('opportunity', { name: 'Shoes', partyId: twin.id }));
  const matter = saved(await store.create('case', { name: 'Return', partyId: twin.id }));
  return { org, anna, twin, noteOnAnna, noteOnTwin, deal, matter };
};

/** Every record by id, live or trashed, as the store reads it. */
const snapshot = async ({ db, store }: Harness): Promise<Map<RecordId, LocketRecord['fields'] | 'trashed'>> => {
  const rows = await db.getAll('records');
  const records = await Promise.all(rows.map((row) => (row.deletedAt === null ? store.get(row.id) : Promise.resolve(undefined))));
  return new Map(rows.map((row, index) => [row.id, records[index]?.fields ?? 'trashed']));
};

describe('merging two people', () => {
  it('moves every note, case and opportunity to the survivor, unites lists, trashes the other and leaves a note', async () => {
    const h = await createHarness();
    const { anna, twin, noteOnAnna, noteOnTwin, deal, matter, org } = await twoAnnas(h);
    const setsBefore = (await h.db.getAll('changes')).length;

    const merged = await h.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: { organisationId: 'other' }, note: NOTE });

    expect(merged).toMatchObject({ ok: true, value: { survivorId: anna.id, trashedId: twin.id, moved: 3 } });
    const survivor = await h.store.get(anna.id);
    expect(survivor?.fields).toMatchObject({
      firstName: 'Anna', lastName: 'Schmidt', jobTitle: 'Buyer', organisationId: org.id,
      emails: ['anna@example.com', 'a.schmidt@work.example'], tags: ['Customer', 'Leeds'],
    });
    const onSurvivor = await h.store.linkedTo(anna.id);
    expect(onSurvivor.map((record) => record.id)).toEqual(expect.arrayContaining([noteOnAnna.id, noteOnTwin.id, deal.id, matter.id]));
    expect(onSurvivor.filter((record) => record.kind === 'note').map((note) => note.fields)).toContainEqual(expect.objectContaining({ body: NOTE }));
    expect((await h.store.get(twin.id))?.deletedAt).toBe(h.clock.now());
    expect((await h.store.trashPage(0, 10)).map((item) => item.record.id)).toEqual([twin.id]);
    // One transaction: one change set, one audit entry naming both.
    expect((await h.db.getAll('changes')).length).toBe(setsBefore + 1);
    const entries = (await h.store.audit.entries()).filter((entry) => entry.type === 'records-merged');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.subjects).toHaveLength(2);
  });

  it('moves an organisation\'s people to the surviving organisation', async () => {
    const h = await createHarness();
    const acme = saved(await h.store.create('organisation', { name: 'Acme', domain: 'acme.example' }));
    const acmeLtd = saved(await h.store.create('organisation', { name: 'ACME Ltd' }));
    const bob = saved(await h.store.create('person', person('Bob', 'Baker', { organisationId: acmeLtd.id })));

    const merged = await h.store.mergeRecords({ survivorId: acme.id, otherId: acmeLtd.id, choices: {}, note: NOTE });

    expect(merged.ok).toBe(true);
    expect((await h.store.get(bob.id))?.fields).toMatchObject({ organisationId: acme.id });
  });

  it('undoes as one: the other back from the trash, links back, the survivor\'s earlier fields, the note gone', async () => {
    const h = await createHarness();
    const { anna, twin } = await twoAnnas(h);
    const before = await snapshot(h);
    const merged = await h.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: { lastName: 'other' }, note: NOTE });
    if (!merged.ok) throw new Error('merge refused');

    const undone = await h.store.undoMerge(merged.value.undoId);

    expect(undone).toEqual({ ok: true, value: { restoredId: twin.id } });
    expect(await snapshot(h)).toEqual(before);
    expect(await h.store.trashCount()).toBe(0);
    expect((await h.store.audit.entries()).map((entry) => entry.type)).toContain('merge-undone');
    // The receipt is used up.
    expect(await h.store.undoMerge(merged.value.undoId)).toEqual({ ok: false, error: { type: 'nothing-to-undo' } });
  });

  it('refuses to undo once the survivor was edited since, and changes nothing', async () => {
    const h = await createHarness();
    const { anna, twin } = await twoAnnas(h);
    const merged = await h.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: {}, note: NOTE });
    if (!merged.ok) throw new Error('merge refused');
    saved(await h.store.update(anna.id, 'person', { jobTitle: 'Head buyer' }));
    const after = await snapshot(h);

    expect(await h.store.undoMerge(merged.value.undoId)).toEqual({ ok: false, error: { type: 'changed-since' } });
    expect(await snapshot(h)).toEqual(after);
  });

  it('leaves nothing half-written when its transaction fails', async () => {
    // The merge's change set gets a stamp already in the log, so adding it fails inside the transaction.
    const h = await createHarness();
    const { anna, twin } = await twoAnnas(h);
    const before = await snapshot(h);
    const lastSet = (await h.db.getAllKeys('changes')).at(-1);
    const real = createHlc({ clock: h.clock, nodeId: 'device-a' });
    const failing = await createHarness({ db: h.db, hlc: { tick: () => lastSet ?? real.tick(), receive: real.receive, adopt: real.adopt } });
    const auditBefore = (await h.store.audit.entries()).length;
    const metaBefore = await h.db.getAllKeys('meta');

    await expect(failing.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: {}, note: NOTE })).rejects.toThrow();

    expect(await snapshot(h)).toEqual(before);
    expect((await h.store.audit.entries()).length).toBe(auditBefore);
    expect(await h.db.getAllKeys('meta')).toEqual(metaBefore);
  });

  it('refuses the same record, another kind and a record in the trash', async () => {
    const h = await createHarness();
    const { anna, twin, org } = await twoAnnas(h);
    expect(await h.store.mergeRecords({ survivorId: anna.id, otherId: anna.id, choices: {}, note: NOTE })).toMatchObject({ ok: false, error: { type: 'same-record' } });
    expect(await h.store.mergeRecords({ survivorId: anna.id, otherId: org.id, choices: {}, note: NOTE })).toMatchObject({ ok: false, error: { type: 'kinds-differ' } });
    await h.store.remove(twin.id);
    expect(await h.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: {}, note: NOTE })).toMatchObject({ ok: false, error: { type: 'record-in-trash' } });
  });
});

describe('converting a person into an organisation and back', () => {
  it('makes a new record of the other kind with the links moved, trashes the old one, and undoes as one', async () => {
    const h = await createHarness();
    const shop = saved(await h.store.create('person', person('Schmidt', 'Shoes', { emails: ['info@shoes.example'], tags: ['Retail'] })));
    const note = saved(await h.store.create('note', { body: 'Wants a catalogue', recordId: shop.id }));
    const deal = saved(await h.store.create('opportunity', { name: 'Autumn order', partyId: shop.id }));
    const before = await snapshot(h);

    const converted = await h.store.convertRecord({ id: shop.id, note: 'Converted from a person on 6 Dec' });
    if (!converted.ok) throw new Error('convert refused');

    const organisation = await h.store.get(converted.value.survivorId);
    expect(organisation).toMatchObject({ kind: 'organisation', fields: { name: 'Schmidt Shoes', emails: ['info@shoes.example'], tags: ['Retail'] } });
    expect((await h.store.get(note.id))?.fields).toMatchObject({ recordId: organisation?.id });
    expect((await h.store.get(deal.id))?.fields).toMatchObject({ partyId: organisation?.id });
    expect((await h.store.get(shop.id))?.deletedAt).toBe(h.clock.now());
    expect((await h.store.audit.entries()).map((entry) => entry.type)).toContain('record-converted');

    expect(await h.store.undoMerge(converted.value.undoId)).toMatchObject({ ok: true });
    expect(await snapshot(h)).toEqual(before);
    expect(await h.db.get('purged', converted.value.survivorId)).toMatchObject({ op: 'purge' });
  });

  it('refuses an organisation that people belong to', async () => {
    const h = await createHarness();
    const acme = saved(await h.store.create('organisation', { name: 'Acme' }));
    saved(await h.store.create('person', person('Bob', 'Baker', { organisationId: acme.id })));
    expect(await h.store.convertRecord({ id: acme.id, note: 'x' })).toEqual({ ok: false, error: { type: 'has-people', count: 1 } });
  });

  it('turns an organisation into a person, its last word as the family name', async () => {
    const h = await createHarness();
    const solo = saved(await h.store.create('organisation', { name: 'Jane Q Doe', domain: 'doe.example' }));
    const converted = await h.store.convertRecord({ id: solo.id, note: 'Converted' });
    if (!converted.ok) throw new Error('convert refused');
    expect((await h.store.get(converted.value.survivorId))?.fields).toMatchObject({
      firstName: 'Jane Q', lastName: 'Doe', websites: ['https://doe.example'],
    });
  });
});
