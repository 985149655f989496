/**
 * Emails of erased people the owner chose to remember, as hashes only, so a later import
 * can notice the person coming back without Locket keeping the address itself.
 */
import type { LocketDatabase } from '../store/schema';
import { emailHash } from './hash';

export interface SuppressionEntry {
  readonly hash: string;
  readonly at: number;
}

export const suppressionEntries = async (emails: readonly string[], at: number): Promise<SuppressionEntry[]> => {
  const hashes = await Promise.all(emails.filter((email) => email.trim() !== '').map(emailHash));
  return [...new Set(hashes)].map((hash) => ({ hash, at }));
};

/** True when an erased person with this email was suppressed (case and surrounding space ignored). */
export const createIsSuppressed = (db: LocketDatabase) => async (email: string): Promise<boolean> =>
  email.trim() !== '' && (await db.count('suppressed', await emailHash(email))) > 0;
