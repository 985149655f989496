/**
 * Which section of the Tasks view a task belongs in. "Today" is the device's day: the zone is
 * the device's, passed in (never read here), as is `now`, so a zone change or a clock in a
 * test moves tasks between sections the way a user would see them move.
 */
import type { TaskFields } from '../records/types';
import { dateInZone, wallTimeToInstant } from './due-instant';
import { collator } from '../i18n/intl-cache';

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
 * Where an open task goes from the device day it falls on (null: no due date), its due instant
 * and whether it has a time, with today's date and `now` worked out once by the caller.
 */
export const bucketOfDay = (day: string | null, due: number | null, timed: boolean, today: string, now: number): TaskBucket => {
  if (day === null) return 'later';
  if (day < today) return 'overdue';
  if (timed && due !== null && due < now) return 'overdue';
  if (day === today) return 'today';
  return day <= addDays(today, 7) ? 'next-7-days' : 'later';
};

const openBucket = (task: DueFields, due: number, today: string, now: number, zone: string): TaskBucket =>
  bucketOfDay(task.dueTime === null ? task.dueDate : dateInZone(due, zone), due, task.dueTime !== null, today, now);

/**
 * Overdue: due on a day before today, or at a time already past. Today: due today (and not
 * yet past its time). Next 7 days: tomorrow up to a week from today. Later: beyond that, or
 * without a due date. Done: marked done, whatever its due date.
 */
export const bucketOf = (task: DueFields, now: number, zone: string): TaskBucket => {
  if (task.doneAt !== null) return 'done';
  const due = dueInstantOf(task);
  return due === null ? 'later' : openBucket(task, due, dateInZone(now, zone), now, zone);
};

export type Bucketed<T> = Readonly<Record<TaskBucket, readonly T[]>>;

/** Tasks already placed, each with its due instant (Infinity for none), in the sections' order. */
export const sortPlaced = <T extends { readonly fields: DueFields }>(
  placed: Record<TaskBucket, { readonly task: T; readonly due: number }[]>,
): Bucketed<T> => {
  // The default locale's order, as String#localeCompare gives it.
  const byDescription = collator(undefined);
  const soonest = (a: { task: T; due: number }, b: { task: T; due: number }) =>
    (a.due === b.due ? 0 : a.due - b.due) || byDescription.compare(a.task.fields.description, b.task.fields.description);
  for (const bucket of ['overdue', 'today', 'next-7-days', 'later'] as const) placed[bucket].sort(soonest);
  placed.done.sort((a, b) => (b.task.fields.doneAt ?? 0) - (a.task.fields.doneAt ?? 0));
  const tasksOf = (bucket: TaskBucket) => placed[bucket].map((entry) => entry.task);
  return { overdue: tasksOf('overdue'), today: tasksOf('today'), 'next-7-days': tasksOf('next-7-days'), later: tasksOf('later'), done: tasksOf('done') };
};

/** Five empty sections to place tasks in. */
export const emptyPlaced = <T>(): Record<TaskBucket, { readonly task: T; readonly due: number }[]> =>
  ({ overdue: [], today: [], 'next-7-days': [], later: [], done: [] });

/**
 * Sorts tasks into the five sections. Open tasks soonest first (undated last, then by
 * description); done tasks most recently done first. Each task's due instant is worked out
 * once: through Intl's zone data, it cost more than the rest of a screen's drawing when the
 * sort asked for it at every comparison.
 */
export const bucketTasks = <T extends { readonly fields: DueFields }>(tasks: readonly T[], now: number, zone: string): Bucketed<T> => {
  const today = dateInZone(now, zone);
  const placed = emptyPlaced<T>();
  for (const task of tasks) {
    const due = dueInstantOf(task.fields);
    const bucket = task.fields.doneAt !== null ? 'done' : due === null ? 'later' : openBucket(task.fields, due, today, now, zone);
    placed[bucket].push({ task, due: due ?? Infinity });
  }
  return sortPlaced(placed);
};
