/**
 * What the Tasks view's buttons change on a task: snooze, done, undone. Each returns the
 * fields to update through the store (store.update), so the change log, sync and the due
 * indexes follow as for any edit.
 */
import type { TaskFields } from '../records/types';
import { dateInZone } from './due-instant';
import { addDays } from './due-buckets';

export const SNOOZES = { day: 1, week: 7 } as const;
export type Snooze = keyof typeof SNOOZES;

/**
 * Moves the due date by a day or a week and keeps the time (and its zone). An overdue task
 * moves from today, not from its old date, so "snooze a day" always means "tomorrow at the
 * latest"; a task without a date becomes due that many days from today.
 */
export const snoozed = (task: TaskFields, by: Snooze, now: number): Pick<TaskFields, 'dueDate'> => {
  const today = dateInZone(now, task.timeZone);
  const from = task.dueDate === null || task.dueDate < today ? today : task.dueDate;
  return { dueDate: addDays(from, SNOOZES[by]) };
};

/** Done at the clock's now; undone clears it, and the task is open (and reminded) again. */
export const markedDone = (done: boolean, now: number): Pick<TaskFields, 'doneAt'> => ({ doneAt: done ? now : null });
