import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { readMany, type KeyedStore } from '../../../core/replica/batch-reads';

interface Row { readonly id: string; readonly value: number }

let db: IDBPDatabase | undefined;
let opened = 0;
afterEach(() => { db?.close(); });

/** A fresh database holding `ids`, and its store as readMany sees it, counting single-key reads. */
const storeWith = async (ids: readonly string[]) => {
  db = await openDB(`batch-reads-${(opened += 1)}`, 1, { upgrade: (upgrading) => { upgrading.createObjectStore('rows', { keyPath: 'id' }); } });
  const tx = db.transaction('rows', 'readwrite');
  await Promise.all([...ids.map((id, value) => tx.store.put({ id, value })), tx.done]);
  const reader = db.transaction('rows').store;
  let gets = 0;
  const store: KeyedStore<Row> = {
    count: (range) => reader.count(range),
    getAllKeys: async (range) => (await reader.getAllKeys(range)).map(String),
    get: (key) => { gets += 1; return reader.get(key) as Promise<Row | undefined>; },
  };
  return { store, gets: () => gets };
};

const idsFrom = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

describe('readMany', () => {
  it('answers a new device\'s first sync without reading a single key on its own', async () => {
    const { store, gets } = await storeWith([]);
    const asked = idsFrom('new', 1000);
    expect(await readMany(store, asked)).toEqual(asked.map(() => undefined));
    expect(gets()).toBe(0);
  });

  it('reads only the keys present when few are stored between the first and last asked for', async () => {
    const held = idsFrom('b', 10);
    const { store, gets } = await storeWith([...held, ...idsFrom('z', 500)]);
    const asked = [...idsFrom('a', 5), held[3]!, 'b-missing', held[7]!, held[3]!];
    const answer = await readMany(store, asked);
    expect(answer.map((row) => row?.value)).toEqual([undefined, undefined, undefined, undefined, undefined, 3, undefined, 7, 3]);
    expect(gets()).toBe(3);
  });

  it('gives the same answer key by key when the range holds many more rows than asked for', async () => {
    const held = idsFrom('m', 400);
    const { store } = await storeWith(held);
    const asked = [held[0]!, 'm-00200x', held[399]!];
    expect((await readMany(store, asked)).map((row) => row?.id)).toEqual([held[0], undefined, held[399]]);
  });
});
