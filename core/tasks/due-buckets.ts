/**
 * Which section of the Tasks view a task belongs in. "Today" is the device's day: the zone is
 * the device's, passed in (never read here), as is `now`, so a zone change or a clock in a
 * test moves tasks between sections the way a user would see them move.
 */
import type { TaskFields } from '../records/types';
import { dateInZone, wallTimeToInstant } from './due-instant';

export const TASK_BUCKETS = ['overdue', 'today', 'next-7-days', 'later', 'done'] as const;
export type TaskBucket = (typeof TASK_BUCKETS)[number];

/** What of a task its section and order depend on (a remembered first row of Tasks holds just these). */
export type DueFields = Pick<TaskFields, 'description' | 'dueDate' | 'dueTime' | 'timeZone' | 'doneAt'>;

const DAY = 86_400_000;

/** The ISO date `days` after `date` (calendar days: a daylight-saving day is still one day). */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY).toISOString().slice(0, 10);
};

/** The instant a task is due, or null for a task without a due date. */
export const dueInstantOf = (task: Pick<TaskFields, 'dueDate' | 'dueTime' | 'timeZone'>): number | null =>
  task.dueDate === null ? null : wallTimeToInstant(task.dueDate, task.dueTime ?? '00:00', task.timeZone);

/**
 * The device day a task falls on. A timed task is an instant, shown on its day where the
 * device is; a task due "some time that day" keeps its calendar date wherever the device is.
 */
export const dueDayOf = (task: Pick<TaskFields, 'dueDate' | 'dueTime' | 'timeZone'>, zone: string): string | null => {
  if (task.dueDate === null) return null;
  if (task.dueTime === null) return task.dueDate;
  return dateInZone(wallTimeToInstant(task.dueDate, task.dueTime, task.timeZone), zone);
};

/**
 * Overdue: due on a day before today, or at a time already past. Today: due today (and not
 * yet past its time). Next 7 days: tomorrow up to a week from today. Later: beyond that, or
 * without a due date. Done: marked done, whatever its due date.
 */
export const bucketOf = (task: DueFields, now: number, zone: string): TaskBucket => {
  if (task.doneAt !== null) return 'done';
  const day = dueDayOf(task, zone);
  if (day === null) return 'later';
  const today = dateInZone(now, zone);
  if (day < today) return 'overdue';
  if (task.dueTime !== null && (dueInstantOf(task) ?? Infinity) < now) return 'overdue';
  if (day === today) return 'today';
  return day <= addDays(today, 7) ? 'next-7-days' : 'later';
};

export type Bucketed<T> = Readonly<Record<TaskBucket, readonly T[]>>;

/**
 * Sorts tasks into the five sections. Open tasks soonest first (undated last, then by
 * description); done tasks most recently done first.
 */
export const bucketTasks = <T extends { readonly fields: DueFields }>(tasks: readonly T[], now: number, zone: string): Bucketed<T> => {
  const buckets: Record<TaskBucket, T[]> = { overdue: [], today: [], 'next-7-days': [], later: [], done: [] };
  for (const task of tasks) buckets[bucketOf(task.fields, now, zone)].push(task);
  const soonest = (a: T, b: T) => (dueInstantOf(a.fields) ?? Infinity) - (dueInstantOf(b.fields) ?? Infinity)
    || a.fields.description.localeCompare(b.fields.description);
  for (const bucket of ['overdue', 'today', 'next-7-days', 'later'] as const) buckets[bucket].sort(soonest);
  buckets.done.sort((a, b) => (b.fields.doneAt ?? 0) - (a.fields.doneAt ?? 0));
  return buckets;
};
