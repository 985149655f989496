/** The sync figures' IndexedDB floor: opened records put with bare IndexedDB into a store without indexes. */
import type { SyncCrypto } from '../../core/sync/ports';
import { deleteDatabase } from './delete-database';
import { bareWrite } from './bare-write';

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

const FLOOR_DB = 'locket-bench-sync-floor';

const openFloor = (): Promise<IDBDatabase> => new Promise((resolve, reject) => {
  const request = indexedDB.open(FLOOR_DB, 1);
  request.addEventListener('upgradeneeded', () => { request.result.createObjectStore('records', { keyPath: 'id' }); });
  request.addEventListener('success', () => resolve(request.result));
  request.addEventListener('error', () => reject(request.error ?? new Error('open failed')));
});

const putPage = (db: IDBDatabase, rows: readonly object[]): Promise<void> => bareWrite(db, 'records', (tx) => {
  const store = tx.objectStore('records');
  for (const row of rows) store.put(row);
});

/** The opened records' fields put with bare IndexedDB, one transaction per pulled page; only the transactions are timed. */
export const timeFloorPut = async (opened: readonly (readonly Awaited<ReturnType<SyncCrypto['open']>>[])[]): Promise<number> => {
  await deleteDatabase(indexedDB, FLOOR_DB);
  const db = await openFloor();
  try {
    let ms = 0;
    for (const page of opened) {
      const rows = page.flatMap((set) => set?.items.map((item) => ({ id: item.recordId, kind: item.kind, body: { codec: 'plain', value: item.body?.values ?? null } })) ?? []);
      ms += (await timed(() => putPage(db, rows))).ms;
    }
    return ms;
  } finally {
    db.close();
    await deleteDatabase(indexedDB, FLOOR_DB);
  }
};
