/**
 * Tasks' first rows as last drawn, sealed under the account key (sealed-screen.ts), for a side
 * panel opened on `#tasks`. Each row keeps its due date, time and zone, not a section's name:
 * the sections (overdue, today, …) are worked out when it is drawn, with the clock of that
 * moment, so a row remembered yesterday as "today" shows as overdue.
 */
import * as v from 'valibot';
import type { Bytes } from '../vault/types';
import { bucketOfDay, bucketTasks, emptyPlaced, sortPlaced, type Bucketed } from '../tasks/due-buckets';
import { dateInZone } from '../tasks/due-instant';
import { clip, openScreen, sealScreen, TextOf } from './sealed-screen';

/** A screen's worth of the soonest open tasks. */
export const FIRST_TASK_ROWS = 20;
const PURPOSE = 'locket first tasks';
const MAX_TEXT = 200;

const Text = TextOf(MAX_TEXT);
const RowSchema = v.object({
  description: Text,
  /** The title of the record the task is about, or null. */
  record: v.nullable(Text),
  /** A category's word as drawn ('' for none). */
  category: Text,
  dueDate: v.nullable(v.pipe(v.string(), v.isoDate())),
  dueTime: v.nullable(v.pipe(v.string(), v.regex(/^\d\d:\d\d$/))),
  timeZone: TextOf(64),
  /**
   * What was worked out for the row when it was drawn, in `shownIn`'s zone and language: the
   * device day it falls on, its due instant and its due date as shown. Reused while both are
   * still the device's, since working them out again goes through Intl's zone data (about
   * 10 ms of a 20-row screen); the section is still worked out with the clock of the moment.
   */
  shown: v.optional(v.object({ day: v.nullable(v.pipe(v.string(), v.isoDate())), dueAt: v.nullable(v.number()), label: Text })),
});
const FirstTasksSchema = v.object({
  rows: v.pipe(v.array(RowSchema), v.maxLength(FIRST_TASK_ROWS)),
  shownIn: v.optional(v.object({ zone: TextOf(64), locale: TextOf(35) })),
});
export type FirstTasks = v.InferOutput<typeof FirstTasksSchema>;
export type FirstTaskRow = FirstTasks['rows'][number];

/** At most FIRST_TASK_ROWS rows, each text cut to what a row could show. */
export const sealFirstTasks = (accountKey: Bytes, tasks: FirstTasks): Promise<unknown> =>
  sealScreen(accountKey, PURPOSE, {
    rows: tasks.rows.slice(0, FIRST_TASK_ROWS).map((row) => ({
      ...row, description: clip(row.description, MAX_TEXT), record: row.record === null ? null : clip(row.record, MAX_TEXT), category: clip(row.category, MAX_TEXT),
      ...(row.shown ? { shown: { ...row.shown, label: clip(row.shown.label, MAX_TEXT) } } : {}),
    })),
    ...(tasks.shownIn ? { shownIn: tasks.shownIn } : {}),
  });

export const openFirstTasks = (accountKey: Bytes, stored: unknown): Promise<FirstTasks | null> =>
  openScreen(accountKey, PURPOSE, FirstTasksSchema, stored);

type FirstTaskEntry = { readonly row: FirstTaskRow; readonly fields: FirstTaskRow & { readonly doneAt: null } };

/** The remembered rows in their sections at `now` in `zone`, as the live view would place them (every one is open). */
export const bucketFirstTasks = (tasks: FirstTasks, now: number, zone: string): Bucketed<FirstTaskEntry> => {
  const entries = tasks.rows.map((row) => ({ row, fields: { ...row, doneAt: null } }));
  if (tasks.shownIn?.zone !== zone || entries.some(({ row }) => row.shown === undefined)) return bucketTasks(entries, now, zone);
  const today = dateInZone(now, zone);
  const placed = emptyPlaced<FirstTaskEntry>();
  for (const entry of entries) {
    const shown = entry.row.shown;
    if (shown) placed[bucketOfDay(shown.day, shown.dueAt, entry.row.dueTime !== null, today, now)].push({ task: entry, due: shown.dueAt ?? Infinity });
  }
  return sortPlaced(placed);
};
