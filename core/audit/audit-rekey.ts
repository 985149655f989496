/**
 * Once per database, at the first unlock of a version with keyed hashes: a log chained by
 * earlier versions with plain SHA-256 is checked under that rule and, only if it holds,
 * chained again under the audit key (same entries, same order, new hashes), in one
 * transaction with the head. A log that does not hold under the old rule is left exactly as
 * it is, so verifyChain goes on reporting where it was altered instead of the rewrite
 * hiding it. Entries' id hashes stay as they were written (see hash.ts, legacyIdHash).
 */
import * as v from 'valibot';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import {
  AUDIT_HEAD_KEY, AuditEntrySchema, GENESIS_HASH, isUnsealed, legacyAuditEntryHash, sealedAfter, type AuditEntry,
} from './audit-log';
import type { AuditKeys } from './hash';

/** The meta row saying the log is chained under the audit key. */
export const AUDIT_KEYED_KEY = 'audit-keyed';

const verifiesUnkeyed = async (entries: readonly AuditEntry[]): Promise<boolean> => {
  let expected = { seq: 0, hash: GENESIS_HASH };
  for (const entry of entries) {
    if (entry.seq !== expected.seq + 1 || entry.prevHash !== expected.hash) return false;
    if ((await legacyAuditEntryHash(entry)) !== entry.hash) return false;
    expected = { seq: entry.seq, hash: entry.hash };
  }
  return true;
};

/** Returns how many entries were chained again (0 when there was nothing to do). */
export const keyLegacyAuditLog = async (db: LocketDatabase, keys: AuditKeys, now: number): Promise<number> => {
  if ((await db.get('meta', AUDIT_KEYED_KEY)) !== undefined) return 0;
  const rows = await db.getAll('audit');
  const parsed = rows.map((row) => v.safeParse(AuditEntrySchema, row));
  const entries = parsed.flatMap((result) => (result.success ? [result.output] : []));
  const sealed = entries.filter((entry) => !isUnsealed(entry));
  const rechain = entries.length === rows.length && sealed.length > 0 && (await verifiesUnkeyed(sealed));
  const keyed = rechain ? await sealedAfter(keys, { seq: 0, hash: GENESIS_HASH }, sealed) : [];
  const newest = keyed.at(-1);
  await writeTransaction(db, ['audit', 'meta'], async (tx) => {
    if (newest) {
      const audit = tx.objectStore('audit');
      // Appended to meanwhile: leave it for the next unlock rather than chain what was not checked.
      if ((await audit.count()) !== rows.length) return;
      await Promise.all([
        ...keyed.map((entry) => audit.put(entry)),
        tx.objectStore('meta').put({ seq: newest.seq, hash: newest.hash }, AUDIT_HEAD_KEY),
      ]);
    }
    await tx.objectStore('meta').put({ at: now }, AUDIT_KEYED_KEY);
  });
  return keyed.length;
};
