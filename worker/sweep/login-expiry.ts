import { UUID } from 'uuidv7';
import type { LocketDatabase } from '../../core/db/schema';
import { writeTransaction } from '../../core/db/transaction';

const PAGE = 1000;

/**
 * The smallest UUIDv7 of the millisecond `at`. Login ids are UUIDv7 (they sort by the time
 * they were minted), so every id below this one was minted before `at`.
 */
export const lowestIdAt = (at: number): string => UUID.fromFieldsV7(Math.max(0, Math.floor(at)), 0, 0, 0).toString();

/**
 * Deletes the login entries recorded before `before`, oldest first, a page per transaction:
 * found by key range, never by reading every entry. Returns how many went.
 */
export const expireLogins = async (db: LocketDatabase, before: number): Promise<number> => {
  const older = IDBKeyRange.upperBound(lowestIdAt(before), true);
  let deleted = 0;
  for (;;) {
    const keys = await writeTransaction(db, ['logins'], async (tx) => {
      const logins = tx.objectStore('logins');
      const page = await logins.getAllKeys(older, PAGE);
      const first = page[0];
      const last = page.at(-1);
      if (first !== undefined && last !== undefined) await logins.delete(IDBKeyRange.bound(first, last));
      return page;
    });
    deleted += keys.length;
    if (keys.length < PAGE) return deleted;
  }
};
