import { UUID } from 'uuidv7';
import type { LocketDatabase } from '../../core/db/schema';

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
    const tx = db.transaction('logins', 'readwrite');
    const keys = await tx.store.getAllKeys(older, PAGE);
    const first = keys[0];
    const last = keys.at(-1);
    if (first !== undefined && last !== undefined) await tx.store.delete(IDBKeyRange.bound(first, last));
    await tx.done;
    deleted += keys.length;
    if (keys.length < PAGE) return deleted;
  }
};
