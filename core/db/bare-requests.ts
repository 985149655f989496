/**
 * A batch's requests issued bare on the underlying IDBObjectStore and settled with one promise,
 * instead of one promise (and two listeners) per request as idb's wrapper makes: over a batch
 * of a thousand rows that wrapper cost as much time as IndexedDB's own puts.
 *
 * Invariant this relies on: IndexedDB runs a transaction's requests in the order they were
 * issued, so the last one succeeding means every one before it has; a request that fails
 * (and is not handled) aborts its transaction, so every later request, the last included,
 * fails too. Awaiting the returned promise is IndexedDB work of that transaction, so it keeps
 * transaction.ts's rule.
 */
import { unwrap, type IDBPObjectStore } from 'idb';

/** Any idb object store of any transaction mode: only its underlying IDBObjectStore is used. */
type AnyStore = Pick<IDBPObjectStore, never>;

const bare = (store: AnyStore): IDBObjectStore => unwrap(store as unknown as IDBPObjectStore);

/** Resolves once every request has succeeded (the last one, by the order invariant above). */
const settled = <T>(requests: readonly IDBRequest<T>[]): Promise<void> => {
  const last = requests.at(-1);
  if (!last) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    last.onsuccess = () => resolve();
    last.onerror = () => reject(last.error ?? new Error('An IndexedDB request failed'));
  });
};

/** The rows under `keys`, in their order (undefined where none), read with one promise. */
export const getEach = async <T>(store: AnyStore, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> => {
  const raw = bare(store);
  const requests = keys.map((key) => raw.get(key) as IDBRequest<T | undefined>);
  await settled(requests);
  return requests.map((request) => request.result);
};

/** Puts every row (`add` where each must be new), settled with one promise. */
export const writeEach = (store: AnyStore, rows: readonly unknown[], op: 'put' | 'add'): Promise<void> => {
  const raw = bare(store);
  return settled(rows.map((row) => (op === 'put' ? raw.put(row) : raw.add(row))));
};
