import { unwrap } from 'idb';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import type { StoredRecord } from '../../core/db/rows';
import { openLocketDb } from '../../core/db/schema';
import { deleteDatabase } from './delete-database';

const FLOOR_DB = 'locket-bench-bulk-floor';
/** As applyBulk: records per transaction. */
const BATCH = 1000;

/** One promise for many requests of one transaction: they complete in order, so the last one's success is all of theirs. */
const lastOf = <T>(requests: readonly IDBRequest<T>[]): Promise<T[]> => new Promise((resolve, reject) => {
  const last = requests.at(-1);
  if (!last) return resolve([]);
  last.onsuccess = () => resolve(requests.map((request) => request.result));
  last.onerror = () => reject(last.error ?? new Error('bulk floor request failed'));
});

const bare = async (database: IDBDatabase, ids: readonly string[]): Promise<StoredRecord[]> => {
  const store = database.transaction('records').objectStore('records');
  return (await lastOf(ids.map((id) => store.get(id) as IDBRequest<StoredRecord | undefined>))).filter((row): row is StoredRecord => row !== undefined);
};

/**
 * What a bulk tag must do to IndexedDB with nothing else, in bare IndexedDB: the records as the
 * account stores them (ciphertext and all) copied into a database of Locket's schema (untimed);
 * then per 1000: read each record, and in one readwrite transaction read each again (the check
 * that nothing changed since), put it back (same body: no codec here) with its new list key, and
 * add one change set (every id indexed by the change log) and its outbox row. No validation,
 * no decrypting or encrypting, no audit entries, one promise per transaction step.
 */
export const timeBulkFloor = async (factory: IDBFactory, ids: readonly string[]): Promise<number> => {
  const account = await openLocketDb(factory, LOCKET_DB_NAME);
  // Bare requests need the underlying database: idb's wrapper hands back promises, not requests.
  const rows = await bare(unwrap(account), ids);
  account.close();
  await deleteDatabase(factory, FLOOR_DB);
  const floor = await openLocketDb(factory, FLOOR_DB);
  const raw = unwrap(floor);
  try {
    await floor.transaction('records', 'readwrite').store.clear();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('records', 'readwrite');
      for (const row of rows) tx.objectStore('records').put(row);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('bulk floor copy aborted'));
    });
    const started = performance.now();
    for (let start = 0; start < ids.length; start += BATCH) {
      const slice = ids.slice(start, start + BATCH);
      await bare(raw, slice);
      await new Promise<void>((resolve, reject) => {
        const tx = raw.transaction(['records', 'changes', 'outbox'], 'readwrite');
        const records = tx.objectStore('records');
        const now = Date.now();
        const hlc = `floor-${String(start).padStart(9, '0')}`;
        void lastOf(slice.map((id) => records.get(id) as IDBRequest<StoredRecord | undefined>)).then((latest) => {
          for (const row of latest) if (row) records.put({ ...row, updatedAt: now, listKey: [row.kind, now] });
          tx.objectStore('changes').add({
            hlc, deviceId: 'bench', author: 'owner', batchId: 'bulk-floor',
            changes: slice.map((id) => ({ recordId: id, kind: 'person', op: 'update', changed: ['tags'] })),
            values: { codec: 'plain', value: slice.map(() => ({ tags: ['Bench bulk tag'] })) },
            recordIds: slice,
          });
          tx.objectStore('outbox').add({ setId: hlc });
        }, reject);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('bulk floor aborted'));
      });
    }
    return performance.now() - started;
  } finally {
    floor.close();
    await deleteDatabase(factory, FLOOR_DB);
  }
};
