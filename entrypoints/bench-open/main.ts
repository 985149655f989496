/**
 * The floor beside the side panel's first row (bench build only, driven by test/bench/first-row-scenarios.ts):
 * the same account database opened in the same extension origin by a page with no code of
 * Locket's around it. `locket:bare-open` is the first open (the origin's IndexedDB storage read
 * back from disk when nothing held it), `locket:bare-reopen` a second open right after closing
 * the first (the storage still held), `locket:bare-page` reading the newest 50 rows' stored
 * bodies without decrypting them.
 */
import { LOCKET_DB_NAME } from '../../core/db/db-name';

const open = (): Promise<IDBDatabase> => new Promise((resolve, reject) => {
  // No version: never an upgrade, whatever the schema is.
  const request = indexedDB.open(LOCKET_DB_NAME);
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error ?? new Error('open failed'));
  request.onblocked = () => reject(new Error('open blocked by another connection'));
});

const readNewest = (db: IDBDatabase): Promise<unknown[]> => new Promise((resolve, reject) => {
  const request = db.transaction('records', 'readonly').objectStore('records').getAll(null, 50);
  request.onsuccess = () => resolve(request.result as unknown[]);
  request.onerror = () => reject(request.error ?? new Error('read failed'));
});

const run = async (): Promise<void> => {
  performance.mark('locket:bare-script');
  const first = await open();
  performance.mark('locket:bare-open');
  first.close();
  const reopenStarted = performance.now();
  const second = await open();
  performance.measure('locket:bare-reopen', { start: reopenStarted, end: performance.now() });
  const readStarted = performance.now();
  await readNewest(second);
  performance.measure('locket:bare-page', { start: readStarted, end: performance.now() });
  second.close();
  performance.mark('locket:bare-done');
};

run().catch((error: unknown) => { console.error('bare open failed:', error); });
