/**
 * One readwrite transaction of bare IndexedDB requests, as the floors time them: `issue` makes
 * every request at once, and this resolves when the transaction commits (rejects on abort).
 */
export const bareWrite = (db: IDBDatabase, stores: string | readonly string[], issue: (tx: IDBTransaction) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    const tx = db.transaction(typeof stores === 'string' ? stores : [...stores], 'readwrite');
    issue(tx);
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () => reject(tx.error ?? new Error('a bare write aborted')));
  });
