import { describe, expect, it } from 'vitest';
import { changeAad } from '../../../core/codec';
import { TRASH_DAYS, expiredBefore } from '../../../core/retention/windows';
import { createPurger } from '../../../core/purge/purge';
import { createTrashHarness, days, note, person, saved, setsAbout, type TrashHarness } from '../trash/trash-harness';

const expiredNow = (harness: TrashHarness): number => expiredBefore(TRASH_DAYS, harness.clock.now());

/** A person with two notes and a case, the person (and so the notes) deleted at day 0. */
const seedDeleted = async () => {
  const harness = await createTrashHarness();
  const { store } = harness;
  const ada = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.org'] })));
  const notes = [
    saved(await store.create('note', note(ada.id, 'Met at the fair'))),
    saved(await store.create('note', note(ada.id, 'Likes tea'))),
  ];
  const kase = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
  saved(await store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
  await store.remove(ada.id);
  return { ...harness, ada, notes, kase };
};

/** Three people created in one change set; only `bo` is deleted. */
const seedMixed = async () => {
  const harness = await createTrashHarness();
  const { store } = harness;
  await store.insertMany('person', [person('Al', 'Kept'), person('Bo', 'Purged'), person('Cy', 'Kept')]);
  const people = await store.page('person', 0, 10);
  const [al, bo, cy] = ['Al', 'Bo', 'Cy'].map((name) => people.find((p) => p.kind === 'person' && p.fields.firstName === name));
  if (!al || !bo || !cy) throw new Error('seeding failed');
  await store.remove(bo.id);
  harness.clock.advance(days(31));
  return { ...harness, al, bo, cy };
};

describe('purge', () => {
  it('keeps a record deleted at day 0 restorable at day 29', async () => {
    const harness = await seedDeleted();
    const { store, deps, clock, ada } = harness;
    clock.advance(days(29));

    const report = await createPurger(deps).purgeExpired(expiredNow(harness), 1000);

    expect(report).toEqual({ purged: {}, changeSetsDeleted: 0, changeSetsRewritten: 0, changeSetsAwaitingKey: 0 });
    expect(await store.trashPage(0, 10)).toMatchObject([{ record: { id: ada.id }, notes: 2 }]);
    expect(await store.restore(ada.id)).toMatchObject({ ok: true, value: { id: ada.id, deletedAt: null } });
  });

  it('purges it at day 31 with its notes and its change history, leaving one readable purge set', async () => {
    const harness = await seedDeleted();
    const { store, deps, db, clock, bus, ada, notes, kase } = harness;
    clock.advance(days(31));
    bus.published.length = 0;

    const report = await createPurger(deps).purgeExpired(expiredNow(harness), 1000);

    expect(report).toMatchObject({ purged: { person: 1, note: 2 }, changeSetsRewritten: 0, changeSetsAwaitingKey: 0 });
    expect(report.changeSetsDeleted).toBe(5);
    for (const gone of [ada, ...notes]) {
      expect(await store.get(gone.id)).toBeUndefined();
      // The encrypting codec would refuse the purge set's plain values if they were decoded.
      expect(await store.changesFor(gone.id)).toEqual([]);
      const sets = await setsAbout(db, gone.id);
      expect(sets).toHaveLength(1);
      expect(sets[0]?.changes.map((change) => change.op)).toEqual(['purge', 'purge', 'purge']);
    }
    const [purgeSet] = await setsAbout(db, ada.id);
    expect(purgeSet?.values).toEqual({ codec: 'plain', value: [{}, {}, {}] });
    expect(await store.trashCount()).toBe(0);
    expect(await store.get(kase.id)).toMatchObject({ fields: { partyId: ada.id } });
    expect((await store.changesFor(kase.id)).map((entry) => entry.op)).toEqual(['create']);
    expect(bus.published.flatMap((change) => change.ids).sort()).toEqual([ada.id, ...notes.map((n) => n.id)].sort());
    // Purged rows were out of every list already: the announcement names no kinds, so lists do not reload.
    expect(bus.published.every((change) => change.kinds.length === 0)).toBe(true);
  });

  it('does nothing the second time', async () => {
    const harness = await seedDeleted();
    const { deps, db, clock } = harness;
    clock.advance(days(31));
    const purger = createPurger(deps);
    await purger.purgeExpired(expiredNow(harness), 1000);
    const [records, changes] = [await db.count('records'), await db.count('changes')];

    const again = await purger.purgeExpired(expiredNow(harness), 1000);

    expect(again).toEqual({ purged: {}, changeSetsDeleted: 0, changeSetsRewritten: 0, changeSetsAwaitingKey: 0 });
    expect([await db.count('records'), await db.count('changes')]).toEqual([records, changes]);
  });

  it('rewrites a change set shared with surviving records without the purged one, when it has the key', async () => {
    const { store, deps, db, clock, al, bo, cy } = await seedMixed();

    const report = await createPurger(deps).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report).toMatchObject({ purged: { person: 1 }, changeSetsRewritten: 1, changeSetsAwaitingKey: 0 });
    const [shared] = await setsAbout(db, al.id);
    expect(shared?.changes.map((change) => change.recordId)).toEqual([al.id, cy.id]);
    expect(shared?.recordIds).toEqual([al.id, cy.id]);
    const decoded = JSON.stringify(await deps.codec.decode(shared?.values ?? { codec: 'plain', value: null }, changeAad(shared?.hlc ?? '')));
    expect(decoded).toContain('Cy');
    expect(decoded).not.toContain('Purged');
    expect(await store.changesFor(cy.id)).toMatchObject([{ op: 'create', values: cy.fields }]);
    expect(await store.changesFor(bo.id)).toEqual([]);
  });

  it('remembers a shared change set while locked and finishes it once the key is there', async () => {
    const { store, deps, db, clock, al, bo } = await seedMixed();
    const locked = createPurger({ ...deps, codec: null });

    const report = await locked.purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report).toMatchObject({ purged: { person: 1 }, changeSetsRewritten: 0, changeSetsAwaitingKey: 1 });
    expect(await store.get(bo.id)).toBeUndefined();
    expect((await setsAbout(db, al.id))[0]?.recordIds).toContain(bo.id);
    expect(await locked.rewriteAwaitingKey()).toBe(0);

    const unlocked = createPurger(deps);
    expect(await unlocked.rewriteAwaitingKey()).toBe(1);
    expect(await unlocked.rewriteAwaitingKey()).toBe(0);
    expect((await setsAbout(db, al.id))[0]?.recordIds).not.toContain(bo.id);
    expect((await unlocked.purgeIds([])).changeSetsAwaitingKey).toBe(0);
    expect(await store.changesFor(al.id)).toMatchObject([{ op: 'create', values: al.fields }]);
  });

  it('deletes a remembered set whole once every record in it is purged', async () => {
    const { store, deps, db, clock, al, bo, cy } = await seedMixed();
    const locked = createPurger({ ...deps, codec: null });
    await locked.purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);
    await store.removeMany([al.id, cy.id]);
    clock.advance(days(31));

    const report = await locked.purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report).toMatchObject({ purged: { person: 2 }, changeSetsAwaitingKey: 0 });
    const left = await db.getAll('changes');
    expect(left.every((set) => set.changes.every((change) => change.op === 'purge'))).toBe(true);
    expect(left.flatMap((set) => set.recordIds).sort()).toEqual([al.id, bo.id, cy.id].sort());
  });

  it('does not write a rewrite prepared from a set that changed meanwhile (an erasure in between)', async () => {
    const harness = await createTrashHarness();
    let between: (() => Promise<unknown>) | null = null;
    const codec = harness.deps.codec;
    const pausing = {
      ...codec,
      decodeMany: async (encoded: Parameters<typeof codec.decodeMany>[0], aads: Parameters<typeof codec.decodeMany>[1]) => {
        const run = between;
        between = null;
        if (run) await run();
        return codec.decodeMany(encoded, aads);
      },
    };
    const { store, deps, db, clock } = harness;
    await store.insertMany('person', [person('Al', 'Kept'), person('Bo', 'Purged'), person('Cy', 'Erased')]);
    await store.insertMany('person', [person('Di', 'Kept'), person('Ed', 'Purged')]);
    const people = await store.page('person', 0, 10);
    const byName = (name: string) => people.find((p) => p.kind === 'person' && p.fields.firstName === name)?.id ?? '';
    await store.removeMany([byName('Bo'), byName('Ed')]);
    clock.advance(days(31));
    between = () => store.erase(byName('Cy'), { suppressEmails: false });

    const report = await createPurger({ ...deps, codec: pausing }).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report).toMatchObject({ purged: { person: 2 }, changeSetsRewritten: 2 });
    const [shared] = await setsAbout(db, byName('Al'));
    expect(shared?.recordIds).toEqual([byName('Al')]);
    expect(JSON.stringify(await codec.decode(shared?.values ?? { codec: 'plain', value: null }, changeAad(shared?.hlc ?? '')))).not.toContain('Erased');
    expect((await setsAbout(db, byName('Di')))[0]?.recordIds).toEqual([byName('Di')]);
  });

  it('keeps an import set’s earlier values lined up with what is left', async () => {
    const { store, deps, clock } = await createTrashHarness();
    const al = saved(await store.create('person', person('Al', 'Kept')));
    const bo = saved(await store.create('person', person('Bo', 'Purged')));
    await store.applyImport('batch-1', [
      { op: 'update', id: al.id, kind: 'person', fields: { ...al.fields, jobTitle: 'Imported' } },
      { op: 'update', id: bo.id, kind: 'person', fields: { ...bo.fields, jobTitle: 'Imported too' } },
    ]);
    await store.remove(bo.id);
    clock.advance(days(31));
    await createPurger(deps).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    const undo = await store.undoImport('batch-1');

    expect(undo.skipped).toEqual([]);
    expect((await store.get(al.id))?.fields).toMatchObject({ jobTitle: '' });
  });

  it('purges in whole batches, so a sweep stopped between them leaves nothing half-deleted and the next run finishes', async () => {
    const harness = await createTrashHarness();
    const { store, deps, db, clock } = harness;
    const people = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      const created = saved(await store.create('person', person(name, 'Batch')));
      saved(await store.create('note', note(created.id, `${name} note`)));
      people.push(created);
      await store.remove(created.id);
      clock.advance(1_000);
    }
    clock.advance(days(31));
    const purger = createPurger(deps);
    const stop = new Error('browser closed');

    await expect(purger.purgeExpired(expiredNow(harness), 4, () => { throw stop; })).rejects.toBe(stop);

    // The oldest two people went with their notes and history; the rest are untouched.
    const survivors = (await db.getAll('records')).map((row) => row.id);
    expect(survivors).toHaveLength(6);
    for (const gone of people.slice(0, 2)) expect(await store.changesFor(gone.id)).toEqual([]);
    expect(await store.trashPage(0, 10)).toHaveLength(3);
    const seen: number[] = [];
    const rest = await purger.purgeExpired(expiredNow(harness), 4, (report) => seen.push(Object.values(report.purged).reduce((a, b) => a + (b ?? 0), 0)));
    expect(rest.purged).toEqual({ person: 3, note: 3 });
    expect(seen).toEqual([4, 2]);
    expect(await db.count('records')).toBe(0);
  });

  it('purges only trashed ids on delete forever, and everything on empty trash', async () => {
    const { store, clock } = await createTrashHarness();
    const live = saved(await store.create('person', person('Live', 'One')));
    const gone = saved(await store.create('person', person('Gone', 'One')));
    const alone = saved(await store.create('note', note(live.id, 'Deleted on its own')));
    saved(await store.create('note', note(gone.id, 'Goes with it')));
    await store.remove(gone.id);
    await store.remove(alone.id);
    const other = saved(await store.create('organisation', { name: 'Old Co' }));
    await store.remove(other.id);

    const forever = await store.deleteForever([live.id, gone.id, 'no-such-id']);

    expect(forever.purged).toEqual({ person: 1, note: 1 });
    expect(await store.get(live.id)).toMatchObject({ deletedAt: null });
    expect(await store.trashCount()).toBe(2);
    clock.advance(1_000);
    const emptied = await store.emptyTrash();
    expect(emptied.purged).toEqual({ note: 1, organisation: 1 });
    expect(await store.trashCount()).toBe(0);
    expect(await store.trashPage(0, 10)).toEqual([]);
    expect(await store.count('person')).toBe(1);
    expect((await store.emptyTrash()).purged).toEqual({});
    expect((await store.audit.entries()).filter((entry) => entry.type === 'records-purged')).toHaveLength(2);
  });
});

describe('purge among records that stay', () => {
  /** A, B and C created one after the other (neighbouring ids); A and C deleted at day 0; B edited `edits` times. */
  const seedNeighbours = async (edits: number) => {
    const harness = await createTrashHarness();
    const { store } = harness;
    const [a, b, c] = [
      saved(await store.create('person', person('Ann', 'Purged'))),
      saved(await store.create('person', person('Bea', 'Kept'))),
      saved(await store.create('person', person('Cal', 'Purged'))),
    ];
    for (let edit = 1; edit <= edits; edit++) saved(await store.update(b.id, 'person', { jobTitle: `Title ${edit}` }));
    await store.remove(a.id);
    await store.remove(c.id);
    harness.clock.advance(days(31));
    return { ...harness, a, b, c };
  };

  // Few entries between A and C are read in one range; many (B edited often) are read record by record.
  it.each([0, 12])('leaves the history of a record between purged ones whole (B edited %i times)', async (edits) => {
    const harness = await seedNeighbours(edits);
    const { store, deps, db, a, b, c } = harness;

    const report = await createPurger(deps).purgeExpired(expiredNow(harness), 1000);

    expect(report).toMatchObject({ purged: { person: 2 }, changeSetsDeleted: 4, changeSetsRewritten: 0 });
    // All that is left of A and C is the one purge set naming both.
    const purgeSet = [{ changes: [{ op: 'purge', recordId: a.id }, { op: 'purge', recordId: c.id }] }];
    expect(await setsAbout(db, a.id)).toMatchObject(purgeSet);
    expect(await setsAbout(db, c.id)).toMatchObject(purgeSet);
    const history = await store.changesFor(b.id);
    expect(history.map((entry) => entry.op)).toEqual(['create', ...Array.from({ length: edits }, () => 'update')]);
    expect(await store.get(b.id)).toMatchObject({ fields: { firstName: 'Bea' } });
  });
});

describe('purge of a row the change log does not name', () => {
  it('reads its kind from the row itself and purges it like any other', async () => {
    const harness = await createTrashHarness();
    const { deps, db, clock } = harness;
    const kept = saved(await harness.store.create('organisation', { name: 'Acme Ltd' }));
    // Written around the store (as an old version or a damaged log might have left it): no change set names it.
    await db.put('records', {
      id: '01946930-0000-7000-8000-00000000beef', kind: 'case', createdAt: clock.now(), updatedAt: clock.now(),
      deletedAt: clock.now(), deletedBy: 'owner', links: [], body: { codec: 'plain', value: {} },
    });
    clock.advance(days(31));

    const report = await createPurger(deps).purgeExpired(expiredNow(harness), 1000);

    expect(report.purged).toEqual({ case: 1 });
    expect(await db.get('records', '01946930-0000-7000-8000-00000000beef')).toBeUndefined();
    expect(await harness.store.get(kept.id)).toMatchObject({ fields: { name: 'Acme Ltd' } });
  });
});
