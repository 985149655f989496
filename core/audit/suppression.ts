/**
 * Emails of erased people the owner chose to remember, as keyed hashes only (hash.ts), so a
 * later import can notice the person coming back without Locket keeping the address
 * itself, and a copy of the profile cannot test an address against the list without the key.
 */
import type { LocketDatabase } from '../db/schema';
import { readEarlierAuditKeys } from './earlier-keys';
import { emailHash, legacyEmailHash, type AuditKeys } from './hash';
import { refusalError } from '../refusals';

export interface SuppressionEntry {
  readonly hash: string;
  readonly at: number;
}

export const suppressionEntries = async (keys: AuditKeys, emails: readonly string[], at: number): Promise<SuppressionEntry[]> => {
  const hashes = await Promise.all(emails.filter((email) => email.trim() !== '').map((email) => emailHash(keys, email)));
  return [...new Set(hashes)].map((hash) => ({ hash, at }));
};

export type SuppressionCheck = (email: string) => Promise<boolean>;

const NOTHING_SUPPRESSED: SuppressionCheck = () => Promise.resolve(false);

/**
 * A check against the suppression list as it is now, read once: an import checks thousands of
 * emails, and an empty list (the usual case) then costs one read and no hashing. True when an
 * erased person with this email was suppressed (case and surrounding space ignored). Rows
 * written by earlier versions hold unkeyed hashes, and rows written before the account key
 * was replaced hold hashes under its audit key (earlier-keys.ts): they are matched too.
 */
export const createSuppressionCheck = (db: LocketDatabase, keys: AuditKeys | null) => async (): Promise<SuppressionCheck> => {
  if (!keys) throw refusalError({ type: 'needs-unlock', for: 'suppression' });
  const stored = new Set(await db.getAllKeys('suppressed'));
  if (stored.size === 0) return NOTHING_SUPPRESSED;
  const earlier = await readEarlierAuditKeys(db, keys);
  return async (email) => {
    if (email.trim() === '') return false;
    const hashes = await Promise.all([emailHash(keys, email), legacyEmailHash(email), ...earlier.map((key) => emailHash(key, email))]);
    return hashes.some((hash) => stored.has(hash));
  };
};

/** One email against the list as it is now. */
export const createIsSuppressed = (db: LocketDatabase, keys: AuditKeys | null) => {
  const check = createSuppressionCheck(db, keys);
  return async (email: string): Promise<boolean> => (email.trim() === '' ? false : (await check())(email));
};
