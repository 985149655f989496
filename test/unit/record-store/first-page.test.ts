import { afterEach, describe, expect, it } from 'vitest';
import { IDBIndex } from 'fake-indexeddb';
import { createHarness, person } from '../store/harness';

/**
 * A list's first page is one getAllRecords request where the browser has it, later pages a
 * cursor: both must walk the list in the same order, so paging never repeats or skips a
 * record, even when many records share one updatedAt (a bulk insert stamps them all alike).
 */
const ids = (records: readonly { readonly id: string }[]) => records.map((record) => record.id);

const getAllRecords: unknown = Reflect.get(IDBIndex.prototype, 'getAllRecords');

afterEach(() => {
  Reflect.set(IDBIndex.prototype, 'getAllRecords', getAllRecords);
});

describe('a list read a page at a time', () => {
  it('pages newest first without repeating or skipping records that share their updatedAt', async () => {
    expect(typeof getAllRecords).toBe('function');
    const { store } = await createHarness();
    await store.insertMany('person', Array.from({ length: 23 }, (_, i) => person(`P${i}`, 'Same time')));

    const whole = ids(await store.page('person', 0, 100));
    const paged = [...ids(await store.page('person', 0, 10)), ...ids(await store.page('person', 10, 10)), ...ids(await store.page('person', 20, 10))];

    expect(whole).toHaveLength(23);
    expect(paged).toEqual(whole);
    expect(whole).toEqual([...whole].sort().reverse());
  });

  it('reads the same first page through a cursor where the browser has no getAllRecords', async () => {
    const { store } = await createHarness();
    await store.insertMany('person', Array.from({ length: 12 }, (_, i) => person(`P${i}`, 'Same time')));
    const withRequest = ids(await store.page('person', 0, 5));

    Reflect.deleteProperty(IDBIndex.prototype, 'getAllRecords');
    const withCursor = ids(await store.page('person', 0, 5));

    expect(withCursor).toEqual(withRequest);
    expect(ids(await store.recent(5))).toEqual(withRequest);
  });
});
