import { describe, expect, it } from 'vitest';
import { plainCodec } from '../../../core/codec';
import { emptyFields } from '../../../core/records/validate';
import { isCancelled } from '../../../worker/contract';
import { createFilterApi, FIRST_MATCHES } from '../../../worker/filters/filter-api';
import type { FilteredList } from '../../../worker/contracts/filters';
import type { Filter } from '../../../core/filters/filter-schema';
import { countingCodec, createHarness, saved } from '../store/harness';

const DAY = 24 * 60 * 60 * 1000;
const byName = { column: 'name', direction: 'asc' } as const;
const newest = { column: 'updated', direction: 'desc' } as const;

const listed = (result: FilteredList | { type: 'cancelled' }): readonly string[] => {
  if (isCancelled(result)) throw new Error('Expected a list, not a cancelled run');
  return result.ids;
};

const setUp = async () => {
  const counting = countingCodec(plainCodec);
  const harness = await createHarness({}, counting.codec);
  const api = createFilterApi({ store: harness.store, db: harness.db, clock: harness.clock });
  const first: (readonly string[])[] = [];
  const onFirst = (ids: readonly string[]) => { first.push(ids); };
  return { ...harness, api, first, onFirst, decoded: counting.decoded };
};

describe('filtering a list in the worker', () => {
  it('returns the matching records of one kind in the sort’s order: their number is the count', async () => {
    const { store, api, onFirst } = await setUp();
    const acme = saved(await store.create('organisation', { name: 'Acme', tags: ['Customer'] }));
    const zoe = saved(await store.create('person', { firstName: 'Zoe', lastName: 'Zed', tags: ['Customer'], addresses: ['Leeds'], organisationId: acme.id }));
    const ada = saved(await store.create('person', { firstName: 'Ada', lastName: 'Able', tags: ['customer'], addresses: ['1 Row, Leeds'] }));
    saved(await store.create('person', { firstName: 'Bob', lastName: 'York', tags: ['Customer'], addresses: ['York'] }));
    saved(await store.create('person', { firstName: 'Cy', lastName: 'Leeds', addresses: ['Leeds'] }));

    const filter: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'Customer' }, { field: 'city', op: 'is', text: 'Leeds' }] };
    expect(listed(await api.filterList('person', filter, byName, onFirst))).toEqual([ada.id, zoe.id]);
    expect(listed(await api.filterList('person', filter, { column: 'name', direction: 'desc' }, onFirst))).toEqual([zoe.id, ada.id]);
    expect(listed(await api.filterList('organisation', { conditions: [{ field: 'tag', op: 'has', tag: 'Customer' }] }, newest, onFirst))).toEqual([acme.id]);
    // People with no organisation come last whichever way the column sorts.
    expect(listed(await api.filterList('person', filter, { column: 'organisation', direction: 'asc' }, onFirst))).toEqual([zoe.id, ada.id]);
  });

  it('leaves rows of other kinds, and rows their clear times rule out, encrypted', async () => {
    const { store, api, clock, onFirst, decoded } = await setUp();
    for (let i = 0; i < 5; i++) saved(await store.create('organisation', { name: `Org ${i}` }));
    for (let i = 0; i < 5; i++) saved(await store.create('person', { firstName: `Old ${i}` }));
    clock.advance(30 * DAY);
    const fresh = saved(await store.create('person', { firstName: 'New' }));
    const before = decoded();
    const ids = listed(await api.filterList('person', { conditions: [{ field: 'created', op: 'within-days', days: 7 }] }, newest, onFirst));
    expect(ids).toEqual([fresh.id]);
    expect(decoded() - before).toBe(1);
  });

  it('hands over the first page of matches before the scan ends, then the whole list', async () => {
    const { store, api, first, onFirst } = await setUp();
    const people = Array.from({ length: FIRST_MATCHES * 2 + 10 }, (_, i) => ({ ...emptyFields('person', { owner: 'o', currency: 'EUR' }), firstName: `P${i}`, tags: i % 2 === 0 ? ['even'] : [] }));
    saved({ ok: true, value: await store.insertMany('person', people) });
    const ids = listed(await api.filterList('person', { conditions: [{ field: 'tag', op: 'has', tag: 'even' }] }, newest, onFirst));
    expect(ids).toHaveLength(FIRST_MATCHES + 5);
    expect(first).toHaveLength(1);
    expect(first[0]).toHaveLength(FIRST_MATCHES);
    expect(ids).toEqual(expect.arrayContaining([...first[0]!]));
  });

  it('answers cancelled when a newer call supersedes a running one', async () => {
    const { store, api, onFirst } = await setUp();
    const people = Array.from({ length: 3000 }, (_, i) => ({ ...emptyFields('person', { owner: 'o', currency: 'EUR' }), firstName: `P${i}` }));
    await store.insertMany('person', people);
    const older = api.filterList('person', { conditions: [] }, byName, onFirst);
    const newer = api.filterList('person', { conditions: [] }, newest, onFirst);
    expect(isCancelled(await older)).toBe(true);
    expect(listed(await newer)).toHaveLength(3000);
  });

  it('"last import" holds the records the newest import wrote, and none once it was undone', async () => {
    const { store, api, onFirst, deps } = await setUp();
    saved(await store.create('person', { firstName: 'Before' }));
    const id = deps.newId();
    await store.applyImport('batch-1', [{ op: 'create', id, kind: 'person', createdAt: 1, updatedAt: 2, fields: { ...emptyFields('person', { owner: 'o', currency: 'EUR' }), firstName: 'Imported' } }]);
    const lastImport: Filter = { conditions: [{ field: 'import', op: 'last' }] };
    expect(listed(await api.filterList('person', lastImport, byName, onFirst))).toEqual([id]);
    await store.undoImport('batch-1');
    expect(listed(await api.filterList('person', lastImport, byName, onFirst))).toEqual([]);
  });
});
