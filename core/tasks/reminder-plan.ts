/**
 * What the background reminds of, read from the clear `remind` and `due` indexes alone: no
 * key is needed to know when the next reminder falls due or how many tasks are due, so a
 * locked vault still counts (and says only the count).
 */
import type { RecordId } from '../records/types';
import type { LocketDatabase } from '../db/schema';
import { dateInZone, wallTimeToInstant } from './due-instant';
import { addDays } from './due-buckets';

export interface ReminderRound {
  /** Tasks whose reminder fell due after `remindedThrough` and by `now`, soonest first. */
  readonly due: readonly RecordId[];
  /** The next reminder instant after `now`, or null when none is set. */
  readonly nextAt: number | null;
}

/** At most this many reminders in one round: past it, a count says the rest. */
export const MAX_NAMED_REMINDERS = 5;

export const reminderRound = async (db: LocketDatabase, remindedThrough: number, now: number): Promise<ReminderRound> => {
  const tx = db.transaction('records');
  const index = tx.store.index('remind');
  const due = remindedThrough < now ? await index.getAllKeys(IDBKeyRange.bound(remindedThrough, now, true, false)) : [];
  const next = await index.openKeyCursor(IDBKeyRange.lowerBound(now, true));
  return { due: due as RecordId[], nextAt: next ? (next.key as number) : null };
};

/** Open tasks due by the end of the device's today (overdue and due today): for the morning summary and a locked count. */
export const dueByEndOfToday = async (db: LocketDatabase, now: number, zone: string): Promise<{ readonly overdue: number; readonly today: number }> => {
  const today = dateInZone(now, zone);
  const startOfToday = wallTimeToInstant(today, '00:00', zone);
  const startOfTomorrow = wallTimeToInstant(addDays(today, 1), '00:00', zone);
  const [overdue, todayCount] = await Promise.all([
    db.countFromIndex('records', 'due', IDBKeyRange.upperBound(startOfToday, true)),
    db.countFromIndex('records', 'due', IDBKeyRange.bound(startOfToday, startOfTomorrow, false, true)),
  ]);
  return { overdue, today: todayCount };
};

/** The next instant the morning summary shows at `time` (HH:MM) in `zone`, after `now`. */
export const nextSummaryAt = (time: string, now: number, zone: string): number => {
  const today = dateInZone(now, zone);
  const todays = wallTimeToInstant(today, time, zone);
  return todays > now ? todays : wallTimeToInstant(addDays(today, 1), time, zone);
};
