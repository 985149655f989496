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

/** A fresh database of Locket's schema for `work`, deleted again after; resolves to what `work` timed. */
const inScratchSchema = async (factory: IDBFactory, work: (db: IDBDatabase) => Promise<number>): Promise<number> => {
  await deleteDatabase(factory, REPLAY_DB);
  const db = unwrap(await openLocketDb(factory, REPLAY_DB));
  try {
    return await work(db);
  } finally {
    db.close();
    await deleteDatabase(factory, REPLAY_DB);
  }
};

/** Adds one set with its rows and its outbox row in `tx`. */
const addSet = (tx: IDBTransaction, { set, rows }: WrittenSets['sets'][number], op: 'add' | 'put'): void => {
  const records = tx.objectStore('records');
  for (const row of rows) records[op](row);
  tx.objectStore('changes').add(set);
  tx.objectStore('outbox').add({ setId: set.hlc });
};

/**
 * The floor under a write path, byte for byte: the rows and change sets it wrote, added again
 * with bare IndexedDB into a fresh database of Locket's schema, one transaction per change set
 * (its rows, the set, its outbox row) as the path wrote them. No codec, no validation, no
 * planning, no audit entry: only the IndexedDB work those exact rows cost. Only the
 * transactions are timed.
 */
export const replayFloorOf = (factory: IDBFactory, written: WrittenSets): Promise<number> => inScratchSchema(factory, async (db) => {
  const started = performance.now();
  for (const oneSet of written.sets) await bareWrite(db, ['records', 'changes', 'outbox'], (tx) => addSet(tx, oneSet, 'add'));
  return performance.now() - started;
});

/**
 * The floor under a restore's one transaction, byte for byte: a fresh database of Locket's
 * schema holding as many rows as `written` (put before the timing, as the data a restore
 * replaces), then, timed, one transaction that reads every key, clears the records and the
 * change log, and puts the rows and sets `written` holds with their outbox rows, as the
 * restore does. No codec, no checks, no audit chain.
 */
export const replaceFloorOf = (factory: IDBFactory, written: WrittenSets): Promise<number> => inScratchSchema(factory, async (db) => {
  for (const { rows } of written.sets) {
    await bareWrite(db, 'records', (tx) => { for (const row of rows) tx.objectStore('records').put(row); });
  }
  const started = performance.now();
  await bareWrite(db, ['records', 'changes', 'outbox'], (tx) => {
    tx.objectStore('records').getAllKeys();
    tx.objectStore('records').clear();
    tx.objectStore('changes').clear();
    for (const set of written.sets) addSet(tx, set, 'put');
  });
  return performance.now() - started;
});
