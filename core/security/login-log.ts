import * as v from 'valibot';
import type { Clock } from '../clock';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';

export const LOGIN_FACTORS = ['password', 'security-key', 'recovery-code'] as const;
export type LoginFactor = (typeof LOGIN_FACTORS)[number];

const LoginAttemptSchema = v.object({
  id: v.string(),
  at: v.number(),
  outcome: v.picklist(['success', 'failure', 'throttled']),
  factors: v.array(v.picklist(LOGIN_FACTORS)),
  /** The name the owner gave the key used, if any. */
  keyName: v.nullable(v.string()),
  /** Why it failed, in words the owner can act on; '' on success. */
  reason: v.string(),
  /** "Chromium 156 on Linux". */
  client: v.string(),
  /** Who tried: today always the owner. */
  user: v.string(),
});
export type LoginAttempt = v.InferOutput<typeof LoginAttemptSchema>;

export interface LoginLog {
  readonly record: (attempt: Omit<LoginAttempt, 'id' | 'at'>) => Promise<LoginAttempt>;
  /** Newest first. Entries that fail validation are skipped, never shown as if trusted. */
  readonly recent: (limit: number) => Promise<LoginAttempt[]>;
}

/**
 * Every unlock attempt, kept in the clear (readable while locked, so failed attempts can be
 * written): times, outcomes, factor kinds, key names and the browser — nothing from the records.
 */
export const createLoginLog = (db: LocketDatabase, clock: Clock, newId: () => string): LoginLog => ({
  record: async (attempt) => {
    const entry: LoginAttempt = { ...attempt, id: newId(), at: clock.now() };
    await writeTransaction(db, ['logins'], (tx) => tx.objectStore('logins').put(entry));
    return entry;
  },
  recent: async (limit) => {
    const tx = db.transaction('logins');
    const entries: LoginAttempt[] = [];
    for (let cursor = await tx.store.openCursor(null, 'prev'); cursor && entries.length < limit; cursor = await cursor.continue()) {
      const parsed = v.safeParse(LoginAttemptSchema, cursor.value);
      if (parsed.success) entries.push(parsed.output);
    }
    return entries;
  },
});
