/**
 * Emails of erased people the owner chose to remember, as keyed hashes only (hash.ts), so a
 * later import can notice the person coming back without Locket keeping the address
 * itself, and a copy of the profile cannot test an address against the list without the key.
 */
import type { LocketDatabase } from '../store/schema';
import { emailHash, legacyEmailHash, type AuditKeys } from './hash';

export interface SuppressionEntry {
  readonly hash: string;
  readonly at: number;
}

export const suppressionEntries = async (keys: AuditKeys, emails: readonly string[], at: number): Promise<SuppressionEntry[]> => {
  const hashes = await Promise.all(emails.filter((email) => email.trim() !== '').map((email) => emailHash(keys, email)));
  return [...new Set(hashes)].map((hash) => ({ hash, at }));
};

/**
 * True when an erased person with this email was suppressed (case and surrounding space
 * ignored). Rows written by earlier versions hold unkeyed hashes: they are matched too.
 */
export const createIsSuppressed = (db: LocketDatabase, keys: AuditKeys | null) => async (email: string): Promise<boolean> => {
  if (email.trim() === '') return false;
  if (!keys) throw new Error('Checking the suppression list needs Locket unlocked');
  const hashes = await Promise.all([emailHash(keys, email), legacyEmailHash(email)]);
  const counts = await Promise.all(hashes.map((hash) => db.count('suppressed', hash)));
  return counts.some((count) => count > 0);
};
