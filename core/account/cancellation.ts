/**
 * Account cancellation: a marker in `meta`, in the clear, because the gate must hide the
 * account and a sweep must delete it while the vault is locked. The marker holds only when.
 */
import * as v from 'valibot';
import type { LocketDatabase } from '../store/schema';
import { CANCELLATION_DAYS, daysLeft, windowClosed, windowEnd } from '../retention/windows';

export const CANCELLATION_KEY = 'account-cancellation';

const CancellationSchema = v.object({ cancelledAt: v.pipe(v.number(), v.finite()) });
export type Cancellation = v.InferOutput<typeof CancellationSchema>;

/**
 * A marker that fails validation still means cancelled, from `now`: hiding by mistake is safer
 * than showing, and a damaged marker must never read as a window that closed long ago (a sweep
 * would delete the account). It is written back, so its 14 days run from the first reading.
 */
export const readCancellation = async (db: LocketDatabase, now: number): Promise<Cancellation | null> => {
  const stored: unknown = await db.get('meta', CANCELLATION_KEY);
  if (stored === undefined) return null;
  const parsed = v.safeParse(CancellationSchema, stored);
  return parsed.success ? parsed.output : markCancelled(db, now);
};

export const markCancelled = async (db: LocketDatabase, now: number): Promise<Cancellation> => {
  const marker = { cancelledAt: now };
  await db.put('meta', marker, CANCELLATION_KEY);
  return marker;
};

export const clearCancellation = (db: LocketDatabase): Promise<void> => db.delete('meta', CANCELLATION_KEY);

/** Restorable until exactly 14 days after cancelling; from then on a sweep deletes everything. */
export const cancellationExpired = (marker: Cancellation, now: number): boolean =>
  windowClosed(marker.cancelledAt, CANCELLATION_DAYS, now);

export const cancellationDaysLeft = (marker: Cancellation, now: number): number =>
  daysLeft(marker.cancelledAt, CANCELLATION_DAYS, now);

export const deletionDueAt = (marker: Cancellation): number => windowEnd(marker.cancelledAt, CANCELLATION_DAYS);

/**
 * Deletes the account's whole database (records, change log, vault and keys, logins, audit,
 * snapshots, settings). Every open connection closes itself on `versionchange` (schema.ts), so
 * this is not blocked for long. Resolves once the browser has deleted it.
 */
export const deleteAccountDatabase = (factory: IDBFactory, name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error ?? new Error(`Could not delete database "${name}"`)));
  });
