import type { IDBPTransaction, StoreNames } from 'idb';
import type { LocketDatabase, LocketDb } from './schema';
import { typedWriteError } from './store-errors';

export type WriteTransaction<S extends StoreNames<LocketDb>> = IDBPTransaction<LocketDb, S[], 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction and resolves only once it has committed.
 * `work` may await IndexedDB requests of this transaction and nothing else (any other await
 * lets the transaction auto-commit half done). If `work` throws or a request fails, the
 * transaction is aborted and this rejects: nothing of it is written. A full disk rejects with
 * a StorageFullError (store-errors.ts), whether the browser said so at a request or at commit.
 */
export const writeTransaction = async <S extends StoreNames<LocketDb>, T>(
  db: LocketDatabase,
  stores: readonly S[],
  work: (tx: WriteTransaction<S>) => Promise<T>,
): Promise<T> => {
  const tx = db.transaction([...stores], 'readwrite');
  const committed = tx.done;
  // Observed here so an abort is never an unhandled rejection; still awaited below.
  committed.catch(() => undefined);
  try {
    const result = await work(tx);
    await committed;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw typedWriteError(error);
  }
};

const abortQuietly = (tx: { abort: () => void }): void => {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request, or already committed: nothing left to undo.
  }
};
