/**
 * Reads a range of one of the `records` indexes in batches, in the index's order. Each batch is
 * one short transaction: a reader that goes away (a side panel closed, its worker ended) leaves
 * the browser at most one batch to finish, where one `getAll` over the whole range keeps the
 * origin's database busy until it is done, and the next page's open waits behind it (traced at
 * 100,000 records: a closed Tasks view's reads held the next one's open for about 2 s).
 *
 * Invariant: every row of the range is handed over exactly once, in order, also when many rows
 * share one index key (tasks due on one day): a batch goes on from the index key *and* primary
 * key it stopped at, never from the index key alone.
 */
import type { LocketDatabase } from './schema';
import type { StoredRecord } from './rows';

export type RecordIndex = 'due' | 'list';

/** Where a batch stopped: the index key, and the primary key that orders the rows sharing it. */
interface IndexPosition {
  readonly key: IDBValidKey;
  readonly primaryKey: StoredRecord['id'];
}

const from = (key: IDBValidKey, range: IDBKeyRange | null): IDBKeyRange =>
  range?.upper === undefined ? IDBKeyRange.lowerBound(key) : IDBKeyRange.bound(key, range.upper, false, range.upperOpen);

const same = (a: IDBValidKey, b: IDBValidKey): boolean => indexedDB.cmp(a, b) === 0;

const readBatch = async (
  db: LocketDatabase, index: RecordIndex, range: IDBKeyRange | null, size: number, after: IndexPosition | null,
): Promise<{ readonly rows: StoredRecord[]; readonly last: IndexPosition | null }> => {
  const tx = db.transaction('records');
  let cursor = await tx.store.index(index).openCursor(after === null ? range : from(after.key, range));
  if (cursor && after && same(cursor.key, after.key) && indexedDB.cmp(cursor.primaryKey, after.primaryKey) < 0) {
    // The cursor stands on the batch's last key (equal to it, so it may stand for it), before its row.
    cursor = await cursor.continuePrimaryKey(cursor.key, after.primaryKey);
  }
  // The row the last batch ended with (unless it went meanwhile) was handed over already.
  if (cursor && after && same(cursor.key, after.key) && same(cursor.primaryKey, after.primaryKey)) cursor = await cursor.continue();
  const rows: StoredRecord[] = [];
  let last: IndexPosition | null = null;
  while (cursor) {
    rows.push(cursor.value);
    last = { key: cursor.key, primaryKey: cursor.primaryKey };
    if (rows.length >= size) break;
    cursor = await cursor.continue();
  }
  return { rows, last };
};

/** Hands `each` the rows of `range` in `index`, `size` at a time; `each` runs outside the read's transaction. */
export const forEachIndexBatch = async (
  db: LocketDatabase, index: RecordIndex, range: IDBKeyRange | null, size: number,
  each: (rows: readonly StoredRecord[]) => Promise<void> | void,
): Promise<void> => {
  let after: IndexPosition | null = null;
  for (;;) {
    const { rows, last } = await readBatch(db, index, range, size, after);
    if (rows.length > 0) await each(rows);
    if (rows.length < size || last === null) return;
    after = last;
  }
};
