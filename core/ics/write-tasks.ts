/**
 * Tasks as an iCalendar file (RFC 5545): one VTODO per task, written by ical.js, which is
 * loaded on first use. A due time is written as the UTC instant it names in its own zone
 * (core/tasks/due-instant.ts), so every calendar shows it at the right moment without a
 * VTIMEZONE; a task due on a day without a time is a DATE. Done tasks are COMPLETED.
 */
import type { LocketRecord } from '../records/types';
import { wallTimeToInstant } from '../tasks/due-instant';

export interface IcsTask {
  readonly task: LocketRecord<'task'>;
  /** The title of the record the task is about, when it has one. */
  readonly recordTitle: string | null;
}

type Ical = (typeof import('ical.js'))['default'];

const utcTime = (ical: Ical, instant: number) => ical.Time.fromJSDate(new Date(instant), true);

const writeTodo = (ical: Ical, { task, recordTitle }: IcsTask, stamp: number) => {
  const todo = new ical.Component('vtodo');
  const { fields } = task;
  todo.addPropertyWithValue('uid', `${task.id}@locket`);
  todo.addPropertyWithValue('dtstamp', utcTime(ical, stamp));
  todo.addPropertyWithValue('created', utcTime(ical, task.createdAt));
  todo.addPropertyWithValue('last-modified', utcTime(ical, task.updatedAt));
  todo.addPropertyWithValue('summary', fields.description.split(/\r?\n/)[0] ?? '');
  const details = [recordTitle, fields.description.includes('\n') ? fields.description : null].filter((part) => part !== null);
  if (details.length > 0) todo.addPropertyWithValue('description', details.join('\n\n'));
  if (fields.dueDate !== null) {
    todo.addPropertyWithValue('due', fields.dueTime === null
      ? ical.Time.fromDateString(fields.dueDate)
      : utcTime(ical, wallTimeToInstant(fields.dueDate, fields.dueTime, fields.timeZone)));
  }
  if (fields.category !== '') todo.addPropertyWithValue('categories', fields.category);
  todo.addPropertyWithValue('status', fields.doneAt === null ? 'NEEDS-ACTION' : 'COMPLETED');
  if (fields.doneAt !== null) todo.addPropertyWithValue('completed', utcTime(ical, fields.doneAt));
  return todo;
};

/** One .ics text holding every task, in the order given, stamped at `now`. */
export const writeTasksIcs = async (tasks: readonly IcsTask[], now: number): Promise<string> => {
  const { default: ical } = await import('ical.js');
  const calendar = new ical.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Locket//Tasks//EN');
  for (const task of tasks) calendar.addSubcomponent(writeTodo(ical, task, now));
  return `${calendar.toString()}\r\n`;
};

export const TASKS_ICS_FILE_NAME = 'locket-tasks.ics';
