import { unwrap } from 'idb';
import { openLocketDb } from '../../core/db/schema';
import { deleteDatabase } from './delete-database';
import { bareWrite } from './bare-write';

const REPLAY_DB = 'locket-bench-replay-floor';

/** What a write path left in its database: each change set with the record rows it names, as stored. */
export interface WrittenSets {
  readonly sets: readonly { readonly set: { readonly hlc: string }; readonly rows: readonly unknown[] }[];
}

const all = <T>(store: IDBObjectStore): Promise<T[]> =>
  new Promise((resolve, reject) => {
    const request = store.getAll();
    request.addEventListener('success', () => resolve(request.result as T[]));
    request.addEventListener('error', () => reject(request.error ?? new Error('getAll failed')));
  });

/**
 * Reads back every change set in `name` (HLC order, as written) with the record rows it names.
 * A row named by two sets goes with the first: each row is added once, as an import adds it.
 */
export const readWrittenSets = async (factory: IDBFactory, name: string): Promise<WrittenSets> => {
  const db = unwrap(await openLocketDb(factory, name));
  try {
    const tx = db.transaction(['records', 'changes'], 'readonly');
    const [rows, sets] = await Promise.all([
      all<{ readonly id: string }>(tx.objectStore('records')),
      all<{ readonly hlc: string; readonly recordIds: readonly string[] }>(tx.objectStore('changes')),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      sets: sets.map((set) => {
        const named = set.recordIds.flatMap((id) => {
          const row = byId.get(id);
          byId.delete(id);
          return row ? [row] : [];
        });
        return { set, rows: named };
      }),
    };
  } finally {
    db.close();
  }
};

/**
 * The floor under a write path, byte for byte: the rows and change sets it wrote, added again
 * with bare IndexedDB into a fresh database of Locket's schema, one transaction per change set
 * (its rows, the set, its outbox row) as the path wrote them. No codec, no validation, no
 * planning, no audit entry: only the IndexedDB work those exact rows cost. Only the
 * transactions are timed.
 */
export const replayFloorOf = async (factory: IDBFactory, written: WrittenSets): Promise<number> => {
  await deleteDatabase(factory, REPLAY_DB);
  const db = unwrap(await openLocketDb(factory, REPLAY_DB));
  try {
    const started = performance.now();
    for (const { set, rows } of written.sets) {
      await bareWrite(db, ['records', 'changes', 'outbox'], (tx) => {
        const records = tx.objectStore('records');
        for (const row of rows) records.add(row);
        tx.objectStore('changes').add(set);
        tx.objectStore('outbox').add({ setId: set.hlc });
      });
    }
    return performance.now() - started;
  } finally {
    db.close();
    await deleteDatabase(factory, REPLAY_DB);
  }
};

/**
 * The floor under a restore's one transaction, byte for byte: a fresh database of Locket's
 * schema holding as many rows as `written` (put before the timing, as the data a restore
 * replaces), then, timed, one transaction that reads every key, clears the records and the
 * change log, and puts the rows and sets `written` holds with their outbox rows, as the
 * restore does. No codec, no checks, no audit chain.
 */
export const replaceFloorOf = async (factory: IDBFactory, written: WrittenSets): Promise<number> => {
  await deleteDatabase(factory, REPLAY_DB);
  const db = unwrap(await openLocketDb(factory, REPLAY_DB));
  try {
    for (const { rows } of written.sets) {
      await bareWrite(db, 'records', (tx) => { for (const row of rows) tx.objectStore('records').put(row); });
    }
    const started = performance.now();
    await bareWrite(db, ['records', 'changes', 'outbox'], (tx) => {
      const records = tx.objectStore('records');
      records.getAllKeys();
      records.clear();
      tx.objectStore('changes').clear();
      for (const { set, rows } of written.sets) {
        for (const row of rows) records.put(row);
        tx.objectStore('changes').add(set);
        tx.objectStore('outbox').add({ setId: set.hlc });
      }
    });
    return performance.now() - started;
  } finally {
    db.close();
    await deleteDatabase(factory, REPLAY_DB);
  }
};
