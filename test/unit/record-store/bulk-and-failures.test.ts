import { describe, expect, it } from 'vitest';
import { BULK_BATCH_SIZE } from '../../../core/record-store/bulk-insert';
import { createHarness, person, saved } from '../store/harness';

/** An HLC that hands out the given stamps in turn: a repeated stamp makes that set's add fail. */
/** These stores never receive a remote stamp; the clock's other half is here only to complete the type. */
const acceptRemote = (remote: string) => ({ ok: true as const, value: remote });

const stamps = (...values: string[]) => {
  let next = 0;
  return { tick: () => values[next++] ?? `unused-${next}`, receive: acceptRemote, adopt: () => undefined };
};

describe('bulk insert', () => {
  it('writes the valid rows in batches, reports the invalid ones and writes nothing of them', async () => {
    const { store, db, bus } = await createHarness();
    const badAt = new Set([0, 7, 1500, 2099]);
    const inputs = Array.from({ length: 2100 }, (_, i) =>
      (badAt.has(i) ? person('', '') : person(`P${i}`, 'Bulk', { emails: [`p${i}@example.com`] })));

    const report = await store.insertMany('person', inputs);

    expect(report.inserted).toBe(inputs.length - badAt.size);
    expect(report.invalid.map((row) => row.index)).toEqual([...badAt]);
    expect(report.invalid[0]?.errors['firstName']).toBeTruthy();
    expect(await store.count('person')).toBe(report.inserted);
    const sets = await db.getAll('changes');
    expect(sets.flatMap((set) => set.changes)).toHaveLength(report.inserted);
    expect(bus.published).toHaveLength(Math.ceil(report.inserted / BULK_BATCH_SIZE));
    expect(bus.published.flatMap((change) => change.ids)).toHaveLength(report.inserted);
    const [newest] = await store.page('person', 0, 1);
    expect(newest?.fields).toMatchObject({ firstName: 'P2098' });
  });

  it('logs each batch as one change set that names every record it created', async () => {
    const { store, db, bus } = await createHarness();
    const inputs = Array.from({ length: 2500 }, (_, i) => person(`P${i}`, 'Bulk'));

    await store.insertMany('person', inputs);

    const sets = await db.getAll('changes');
    expect(sets.map((set) => set.changes.length)).toEqual([1000, 1000, 500]);
    expect(sets.map((set) => set.recordIds)).toEqual(bus.published.map((change) => change.ids));
    expect(new Set(sets.flatMap((set) => set.recordIds)).size).toBe(2500);
    expect(sets.every((set) => set.changes.every((change) => change.op === 'create' && change.kind === 'person'))).toBe(true);
  });

  it('gives each bulk-created record its own create entry with all its fields', async () => {
    const { store } = await createHarness();
    await store.insertMany('person', Array.from({ length: 1200 }, (_, i) => person(`P${i}`, 'Bulk')));
    const [last] = await store.page('person', 0, 1);

    const history = await store.changesFor(last!.id);

    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ recordId: last!.id, op: 'create', kind: 'person', deviceId: 'device-a' });
    expect(history[0]?.values).toEqual(last!.fields);
    expect([...history[0]!.changed].sort()).toEqual(Object.keys(last!.fields).sort());
  });
});

describe('failed transactions', () => {
  it('writes neither record nor change set, and announces nothing, when the set cannot be added', async () => {
    const { store, db, bus } = await createHarness({ hlc: { tick: () => 'same-timestamp', receive: acceptRemote, adopt: () => undefined } });
    const first = saved(await store.create('person', person('Ada', 'L')));

    await expect(store.create('person', person('Bob', 'M'))).rejects.toThrow();

    expect((await db.getAll('records')).map((r) => r.id)).toEqual([first.id]);
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });

  it('writes no change set when the record itself collides', async () => {
    const { store, db, bus } = await createHarness({ newId: () => 'same-id' });
    saved(await store.create('organisation', { name: 'Acme' }));

    await expect(store.create('organisation', { name: 'Other' })).rejects.toThrow();

    expect((await store.get('same-id'))?.fields).toMatchObject({ name: 'Acme' });
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });

  it('rolls back a whole bulk batch when one of its rows collides', async () => {
    let n = 0;
    // Ids cycle through four values: the batch's last row collides with the record created first.
    const { store, db, bus } = await createHarness({ newId: () => `id-${String(n++ % 4).padStart(3, '0')}` });
    saved(await store.create('person', person('Ada', 'L')));

    await expect(store.insertMany('person', [person('B', 'x'), person('C', 'x'), person('D', 'x'), person('E', 'x')]))
      .rejects.toThrow();

    expect(await db.count('records')).toBe(1);
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });

  it('keeps the batches written before an aborted one, and nothing of the aborted batch', async () => {
    // The second batch's set reuses the create's stamp, so its transaction aborts.
    const { store, db, bus } = await createHarness({ hlc: stamps('t-1', 't-2', 't-1') });
    saved(await store.create('person', person('Ada', 'L')));

    await expect(store.insertMany('person', Array.from({ length: 1500 }, (_, i) => person(`P${i}`, 'Bulk'))))
      .rejects.toThrow();

    expect(await db.count('records')).toBe(1 + BULK_BATCH_SIZE);
    expect((await db.getAll('changes')).map((set) => set.changes.length)).toEqual([1, BULK_BATCH_SIZE]);
    expect(bus.published.flatMap((change) => change.ids)).toHaveLength(1 + BULK_BATCH_SIZE);
  });

  it('leaves a record and its notes live when the remove cannot log its change set', async () => {
    const { store, db, bus } = await createHarness({ hlc: stamps('t-1', 't-2', 't-1') });
    const ada = saved(await store.create('person', person('Ada', 'L')));
    const note = saved(await store.create('note', { body: 'Met at the fair', recordId: ada.id }));

    await expect(store.remove(ada.id)).rejects.toThrow();

    expect(await store.get(ada.id)).toMatchObject({ deletedAt: null });
    expect(await store.get(note.id)).toMatchObject({ deletedAt: null });
    expect(await store.count('person')).toBe(1);
    expect(await db.count('changes')).toBe(2);
    expect(bus.published).toHaveLength(2);
  });
});
