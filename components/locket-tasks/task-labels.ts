import { TASK_CATEGORIES, type TaskFields } from '../../core/records/types';
import { dueInstantOf } from '../../core/tasks/due-buckets';
import { formatDate } from '../shared/i18n/format';
import { TASK_WORDS } from '../shared/messages/task-words';

/** A known category in the page's language; the owner's own word as they wrote it. */
export const categoryLabel = (category: string): string =>
  (TASK_CATEGORIES as readonly string[]).includes(category) ? TASK_WORDS.categories[category as (typeof TASK_CATEGORIES)[number]] : category;

/**
 * The due date (and time) in the user's locale, shown in the device's zone: a timed task at
 * its instant, a dated one on its calendar date.
 */
export const dueLabel = (task: Pick<TaskFields, 'dueDate' | 'dueTime' | 'timeZone'>, zone: string): string => {
  if (task.dueDate === null) return TASK_WORDS.noDueDate;
  if (task.dueTime === null) {
    const [year, month, day] = task.dueDate.split('-').map(Number) as [number, number, number];
    return formatDate(Date.UTC(year, month - 1, day), { dateStyle: 'medium', timeZone: 'UTC' });
  }
  return formatDate(dueInstantOf(task) ?? 0, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
};
