/**
 * Pairs the user said are not duplicates, remembered so the Duplicates view stops proposing
 * them: one `meta` row of pair keys (two record ids; ids are in the clear on every row).
 */
import * as v from 'valibot';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import type { RecordId } from '../records/types';
import { pairKey } from './duplicate-pairs';

export const NOT_DUPLICATES_KEY = 'not-duplicates';

const KeysSchema = v.array(v.string());

const keysIn = (row: unknown): string[] => {
  const parsed = v.safeParse(KeysSchema, row);
  return parsed.success ? parsed.output : [];
};

export const readNotDuplicates = async (db: LocketDatabase): Promise<string[]> => keysIn(await db.get('meta', NOT_DUPLICATES_KEY));

/** Adds the pair in one read-modify-write transaction, so two pages marking at once both stay. */
export const markNotDuplicates = async (db: LocketDatabase, a: RecordId, b: RecordId): Promise<void> => {
  await writeTransaction(db, ['meta'], async (tx) => {
    const store = tx.objectStore('meta');
    const keys = keysIn(await store.get(NOT_DUPLICATES_KEY));
    const key = pairKey(a, b);
    if (!keys.includes(key)) await store.put([...keys, key], NOT_DUPLICATES_KEY);
  });
};
