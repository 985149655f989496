/**
 * Reading many keys of one store inside a transaction. A request per key costs the page about as
 * much as a put; when the store holds few keys next to those asked for (a new device's first
 * sync: none at all), one getAllKeys tells which are there and only those are read.
 */

/** The reads this needs of an idb object store (records, purged). */
export interface KeyedStore<V> {
  readonly count: () => Promise<number>;
  readonly getAllKeys: () => Promise<string[]>;
  readonly get: (key: string) => Promise<V | undefined>;
}

/** Up to this many stored keys per key asked for, listing every key is cheaper than a request per key. */
const LIST_KEYS_FACTOR = 4;

/** The value under each key, aligned with `keys`; undefined where there is none. Same answer either way. */
export const readMany = async <V>(store: KeyedStore<V>, keys: readonly string[]): Promise<(V | undefined)[]> => {
  if (keys.length === 0) return [];
  if ((await store.count()) > keys.length * LIST_KEYS_FACTOR) return Promise.all(keys.map((key) => store.get(key)));
  const present = new Set(await store.getAllKeys());
  return Promise.all(keys.map((key) => (present.has(key) ? store.get(key) : undefined)));
};
