/**
 * Reading many keys of one store inside a transaction. A request per key costs the page about as
 * much as a put; when the store holds few keys between the smallest and the largest asked for
 * (a new device's first sync: none; ids of one bulk insert, UUIDv7, lie close together), one
 * getAllKeys over that range tells which are there and only those are read.
 */

/** The reads this needs of an idb object store (records, purged). */
export interface KeyedStore<V> {
  readonly count: (range: IDBKeyRange) => Promise<number>;
  readonly getAllKeys: (range: IDBKeyRange) => Promise<string[]>;
  readonly get: (key: string) => Promise<V | undefined>;
}

/** Up to this many stored keys in the range per key asked for, listing them is cheaper than a request per key. */
const LIST_KEYS_FACTOR = 4;

/** The value under each key, aligned with `keys`; undefined where there is none. Same answer either way. */
export const readMany = async <V>(store: KeyedStore<V>, keys: readonly string[]): Promise<(V | undefined)[]> => {
  if (keys.length === 0) return [];
  // String keys sort in IndexedDB as JavaScript compares them (by UTF-16 code unit).
  const sorted = [...keys].sort();
  const range = IDBKeyRange.bound(sorted[0], sorted.at(-1));
  if ((await store.count(range)) > keys.length * LIST_KEYS_FACTOR) return Promise.all(keys.map((key) => store.get(key)));
  const present = new Set(await store.getAllKeys(range));
  return Promise.all(keys.map((key) => (present.has(key) ? store.get(key) : undefined)));
};
