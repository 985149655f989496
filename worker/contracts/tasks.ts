/** The Tasks view's reads: dated open tasks first from the due index, then the rest. */
import * as v from 'valibot';
import type { TaskRow } from '../../core/tasks/task-reads';
import { method, returns } from './method';

const MAX_DUE_ROWS = 100_000;

export const tasksContract = {
  /** Open tasks with a due date, soonest first, each with its record's title; at most `limit`. */
  dueTasks: method({ args: [v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DUE_ROWS)))], result: returns<TaskRow[]>() }),
  /** Open tasks without a due date, then the most recently done ones. */
  otherTasks: method({ args: [], result: returns<TaskRow[]>() }),
};

export type { TaskRow };
