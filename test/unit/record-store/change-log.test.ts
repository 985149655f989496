import { describe, expect, it, vi } from 'vitest';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import { compareHlc } from '../../../core/hlc';
import { createHarness, person, saved } from '../store/harness';

describe('change log', () => {
  it('returns one record’s changes oldest first, each with its decoded values', async () => {
    const { store, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    saved(await store.create('person', person('Bob', 'Other')));
    clock.advance(1_000);
    saved(await store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    clock.advance(1_000);
    saved(await store.update(ada.id, 'person', { jobTitle: 'Engineer', tags: ['maths'] }));
    clock.advance(1_000);
    await store.remove(ada.id);

    const history = await store.changesFor(ada.id);

    expect(history.map((entry) => entry.op)).toEqual(['create', 'update', 'update', 'delete']);
    expect(history.every((entry) => entry.recordId === ada.id && entry.kind === 'person')).toBe(true);
    expect(history.map((entry) => entry.values)).toEqual([
      ada.fields, { jobTitle: 'Analyst' }, { jobTitle: 'Engineer', tags: ['maths'] }, { deletedAt: clock.now() },
    ]);
    const stamps = history.map((entry) => entry.hlc);
    expect(stamps.every((stamp, i) => i === 0 || compareHlc(stamps[i - 1] ?? '', stamp) < 0)).toBe(true);
  });

  it('logs a remove of a record with two notes as one change set of three deletes', async () => {
    const { store, db, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const first = saved(await store.create('note', { body: 'Met at the fair', recordId: ada.id }));
    const second = saved(await store.create('note', { body: 'Likes tea', recordId: ada.id }));
    const setsBefore = await db.count('changes');
    clock.advance(1_000);

    await store.remove(ada.id);

    expect(await db.count('changes')).toBe(setsBefore + 1);
    const set = (await db.getAll('changes')).at(-1);
    expect(set?.changes.map((change) => change.op)).toEqual(['delete', 'delete', 'delete']);
    expect([...(set?.recordIds ?? [])].sort()).toEqual([ada.id, first.id, second.id].sort());
    expect(set?.changes[0]?.recordId).toBe(ada.id);
    const noteEntry = (await store.changesFor(second.id)).at(-1);
    expect(noteEntry).toMatchObject({ op: 'delete', hlc: set?.hlc, changed: ['deletedAt'], values: { deletedAt: clock.now() } });
  });

  it('trashes a note added while a remove was between reading and writing', async () => {
    let release = (): void => undefined;
    let pauseNext = false;
    const pausingCodec: ValueCodec = {
      ...plainCodec,
      encode: async (value, aad) => {
        if (pauseNext) {
          pauseNext = false;
          await new Promise<void>((resolve) => { release = resolve; });
        }
        return plainCodec.encode(value, aad);
      },
    };
    const { store, db } = await createHarness({}, pausingCodec);
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    saved(await store.create('note', { body: 'Before', recordId: ada.id }));

    pauseNext = true;
    const removing = store.remove(ada.id);
    await vi.waitFor(() => expect(pauseNext).toBe(false));
    const late = saved(await store.create('note', { body: 'During', recordId: ada.id }));
    release();
    await removing;

    expect(await store.get(late.id)).toMatchObject({ deletedAt: expect.any(Number) });
    const sets = await db.getAll('changes');
    expect(sets.at(-1)?.changes).toHaveLength(3);
    expect(sets.filter((set) => set.changes.some((change) => change.op === 'delete'))).toHaveLength(1);
  });

  it('reports a change set whose values do not line up with its changes', async () => {
    const { store, db } = await createHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const [set] = await db.getAll('changes');
    await db.put('changes', { ...set!, values: { codec: 'plain', value: [] } });

    await expect(store.changesFor(acme.id)).rejects.toThrow(set!.hlc);
  });
});
