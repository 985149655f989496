/**
 * Account cancellation: a marker in `meta`, in the clear, because the gate must hide the
 * account and a sweep must delete it while the vault is locked. The marker holds when, and
 * when a sweep first saw its window closed.
 */
import * as v from 'valibot';
import { searchIndexDbName } from '../db/db-name';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { CANCELLATION_DAYS, DAY_MS, daysLeft, windowClosed, windowEnd } from '../retention/windows';

export const CANCELLATION_KEY = 'account-cancellation';

const Time = v.pipe(v.number(), v.finite());
const CancellationSchema = v.object({ cancelledAt: Time, expirySeenAt: v.optional(Time) });
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

/** Through the one write path, so a full disk is a typed storage-full error. */
const putMarker = (db: LocketDatabase, marker: Cancellation): Promise<unknown> =>
  writeTransaction(db, ['meta'], (tx) => tx.objectStore('meta').put(marker, CANCELLATION_KEY));

export const markCancelled = async (db: LocketDatabase, now: number): Promise<Cancellation> => {
  const marker = { cancelledAt: now };
  await putMarker(db, marker);
  return marker;
};

export const clearCancellation = (db: LocketDatabase): Promise<void> => db.delete('meta', CANCELLATION_KEY);

/**
 * A cancellation dated after `now` cannot have happened yet (the clock was ahead when it was
 * written, or is behind now): it counts as cancelled now, never as a window long closed.
 */
const effectiveCancelledAt = (marker: Cancellation, now: number): number => Math.min(marker.cancelledAt, now);

/** Restorable until exactly 14 days after cancelling; from then on a sweep deletes everything. */
export const cancellationExpired = (marker: Cancellation, now: number): boolean =>
  windowClosed(effectiveCancelledAt(marker, now), CANCELLATION_DAYS, now);

export const cancellationDaysLeft = (marker: Cancellation, now: number): number =>
  daysLeft(effectiveCancelledAt(marker, now), CANCELLATION_DAYS, now);

export const deletionDueAt = (marker: Cancellation): number => windowEnd(marker.cancelledAt, CANCELLATION_DAYS);

/** Only the creation time is read from the vault, so a vault this code cannot otherwise read still bounds it. */
const CreatedSchema = v.object({ createdAt: Time });
const readAccountCreatedAt = async (db: LocketDatabase): Promise<number | null> => {
  const parsed = v.safeParse(CreatedSchema, await db.get('vault', 'vault'));
  return parsed.success ? parsed.output.createdAt : null;
};

const utcDay = (at: number): number => Math.floor(at / DAY_MS);

/**
 * What a sweep whose clock is trusted does with a cancelled account. A date before the account
 * was created cannot be right either: the marker is rewritten as cancelled now, so its 14 days
 * start again. Deleting needs the window seen closed by sweeps on two different UTC days: the
 * first sighting is written to the marker, and only a sweep on a later day deletes, so one
 * reading of a wrong clock can never delete the account.
 */
export const confirmCancellationExpiry = async (db: LocketDatabase, marker: Cancellation, now: number): Promise<'delete' | 'keep'> => {
  const createdAt = await readAccountCreatedAt(db);
  if (createdAt !== null && marker.cancelledAt < createdAt) {
    await markCancelled(db, now);
    return 'keep';
  }
  if (!cancellationExpired(marker, now)) {
    if (marker.expirySeenAt !== undefined) await putMarker(db, { cancelledAt: marker.cancelledAt });
    return 'keep';
  }
  const seenAt = marker.expirySeenAt;
  if (seenAt !== undefined && seenAt <= now && utcDay(now) > utcDay(seenAt)) return 'delete';
  if (seenAt === undefined || seenAt > now) await putMarker(db, { cancelledAt: marker.cancelledAt, expirySeenAt: now });
  return 'keep';
};

const deleteDatabase = (factory: IDBFactory, name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error ?? new Error(`Could not delete database "${name}"`)));
  });

/**
 * Deletes the account's whole database (records, change log, vault and keys, logins, audit,
 * snapshots, settings), then its saved search index. Every open connection closes itself on
 * `versionchange` (schema.ts, search-shelf.ts), so this is not blocked for long. Resolves once
 * the browser has deleted both.
 */
export const deleteAccountDatabase = async (factory: IDBFactory, name: string): Promise<void> => {
  await deleteDatabase(factory, name);
  await deleteDatabase(factory, searchIndexDbName(name));
};
