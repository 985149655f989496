import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordId } from '../../../core/records/types';
import { createHarness, person, type Harness } from '../store/harness';

const COUNT = 300;

const seedPeople = async (store: Harness['store'], count: number): Promise<RecordId[]> => {
  const report = await store.insertMany('person', Array.from({ length: count }, (_, i) => person(`P${i}`, 'Bulk', { tags: ['Lead'] })));
  expect(report.inserted).toBe(count);
  return (await store.page('person', 0, count)).map((record) => record.id);
};

/**
 * Counts the promises made around single IndexedDB requests: each is a `success` listener on
 * one request. A batch's records are read and written with one promise per batch, so these stay
 * a handful however many records a batch holds (a promise per record made a bulk change slow).
 */
const countRequestPromises = (): { readonly count: () => number } => {
  let listeners = 0;
  type Listen = (type: string, listener: unknown) => void;
  // fake-indexeddb's requests listen through their own event target, the prototype above IDBRequest's.
  const proto = Object.getPrototypeOf(IDBRequest.prototype) as { addEventListener: Listen };
  const original = proto.addEventListener;
  vi.spyOn(proto, 'addEventListener').mockImplementation(function (this: unknown, type: string, listener: unknown) {
    if (this instanceof IDBRequest && type === 'success') listeners += 1;
    original.call(this, type, listener);
  });
  return { count: () => listeners };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the bulk write path', () => {
  it('tags a batch of records with a handful of request promises, not one per record', async () => {
    const { store } = await createHarness();
    const ids = await seedPeople(store, COUNT);
    const counter = countRequestPromises();

    const report = await store.applyBulk(ids, { type: 'add-tag', tag: 'Customer' });

    expect(report).toMatchObject({ changed: COUNT, failure: null });
    expect(counter.count()).toBeLessThan(30);
    expect((await store.get(ids[COUNT - 1] ?? ''))?.fields).toMatchObject({ tags: ['Lead', 'Customer'] });
  });

  it('inserts a batch of records with a handful of request promises, not one per record', async () => {
    const { store } = await createHarness();
    const counter = countRequestPromises();

    await seedPeople(store, COUNT);

    expect(counter.count()).toBeLessThan(30);
  });

  it('refuses a bulk tag too long for a tag on every record, writing nothing', async () => {
    const { store, db } = await createHarness();
    const ids = await seedPeople(store, 3);
    const setsBefore = await db.count('changes');

    const report = await store.applyBulk(ids, { type: 'add-tag', tag: 'x'.repeat(51) });

    expect(report).toMatchObject({ batchId: null, changed: 0, unchanged: 3, failure: null });
    expect(await db.count('changes')).toBe(setsBefore);
    for (const id of ids) expect((await store.get(id))?.fields).toMatchObject({ tags: ['Lead'] });
  });

  it('keeps a person\'s other fields exactly as stored when only the tags change', async () => {
    const { store } = await createHarness();
    const [id = ''] = await seedPeople(store, 1);
    const before = (await store.get(id))?.fields;

    await store.applyBulk([id], { type: 'add-tag', tag: 'Customer' });

    expect((await store.get(id))?.fields).toEqual({ ...before, tags: ['Lead', 'Customer'] });
  });
});
