/**
 * Spent undo receipts. An undo brings back the record a merge or convert sent to the trash, and
 * the trash keeps it for TRASH_DAYS; once that window has closed the sweep has purged it, the
 * receipt can only be refused (`other-purged`), and it would otherwise stay in `meta` for good.
 * The sweep calls this only under a clock it trusts (core/retention/clock-trust.ts).
 */
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { UNDO_RECEIPT_PREFIX } from './undo-receipt';

/** Every key under the receipts' prefix: `\uffff` sorts after any character an id holds. */
const receiptKeys = (): IDBKeyRange => IDBKeyRange.bound(UNDO_RECEIPT_PREFIX, `${UNDO_RECEIPT_PREFIX}\uffff`);

const actedAt = (row: unknown): number | null => {
  const at: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'at') : undefined;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
};

/**
 * Removes the receipts of acts done at or before `before` (the trash window's start, as the
 * purge measures it), in one transaction. A row without a readable time is left alone: nothing
 * is deleted on a guess. Returns how many went.
 */
export const expireUndoReceipts = async (db: LocketDatabase, before: number): Promise<number> =>
  writeTransaction(db, ['meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    const range = receiptKeys();
    const [keys, rows] = await Promise.all([meta.getAllKeys(range), meta.getAll(range)]);
    const expired = keys.filter((_, index) => {
      const at = actedAt(rows[index]);
      return at !== null && at <= before;
    });
    await Promise.all(expired.map((key) => meta.delete(key)));
    return expired.length;
  });
