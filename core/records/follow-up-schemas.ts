/**
 * The schemas of the follow-up kinds: a task (something to do, maybe by a time) and an
 * activity (a conversation that happened). Like every record schema, tolerant of shape and
 * strict about content; unknown keys are dropped.
 */
import * as v from 'valibot';
import { ACTIVITY_TYPES } from './types';
import { LIMITS, optionalDate, optionalId, text } from './field-schemas';
import { problem } from './field-problems';
import { dateTimeFormat } from '../i18n/intl-cache';

const TIME_SHAPE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True when the runtime knows the zone; zones are validated, never trusted, since they reach Intl. */
export const isTimeZone = (zone: string): boolean => {
  if (zone === '' || zone.length > 64) return false;
  try {
    dateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const instant = (message: string) => v.pipe(v.number(message), v.finite(message), v.integer(message), v.minValue(0, message));

const NOT_A_DUE_TIME = problem({ type: 'not-a-due-time' });
const NOT_A_TIME_ZONE = problem({ type: 'not-a-time-zone' });
const NO_OWNING_RECORD = problem({ type: 'no-owning-record' });

export const taskSchema = v.pipe(
  v.object({
    description: v.pipe(
      text('description', LIMITS.text),
      v.nonEmpty(problem({ type: 'task-description-missing' })),
    ),
    recordId: optionalId('task-record'),
    dueDate: optionalDate(problem({ type: 'not-a-due-date' })),
    dueTime: v.pipe(
      v.nullish(v.string(NOT_A_DUE_TIME), null),
      v.transform((value) => value?.trim() || null),
      v.check((value) => value === null || TIME_SHAPE.test(value), NOT_A_DUE_TIME),
    ),
    timeZone: v.pipe(
      v.nullish(v.string(NOT_A_TIME_ZONE), 'UTC'),
      v.transform((value) => value.trim() || 'UTC'),
      v.check(isTimeZone, NOT_A_TIME_ZONE),
    ),
    category: text('task-category', LIMITS.tag),
    assignee: text('assignee', LIMITS.name),
    doneAt: v.nullish(instant(problem({ type: 'not-a-done-time' })), null),
    trackId: optionalId('task-record'),
  }, problem({ type: 'not-fields' })),
  v.forward(
    v.partialCheck(
      [['dueDate'], ['dueTime']],
      (fields) => fields.dueTime === null || fields.dueDate !== null,
      problem({ type: 'due-time-without-date' }),
    ),
    ['dueTime'],
  ),
  v.readonly(),
);

const NOT_A_DURATION = problem({ type: 'not-a-duration' });
const NOT_AN_ACTIVITY_TIME = problem({ type: 'not-an-activity-time' });

export const activitySchema = v.pipe(
  v.object({
    type: v.picklist(ACTIVITY_TYPES, problem({ type: 'not-an-activity-type' })),
    recordId: v.pipe(
      v.nullish(v.string(NO_OWNING_RECORD), ''),
      v.transform((value) => value.trim()),
      v.nonEmpty(NO_OWNING_RECORD),
      v.maxLength(LIMITS.id, NO_OWNING_RECORD),
    ),
    // Missing reads as an error of its own, not as "not a record".
    occurredAt: v.pipe(v.nullish(v.number(NOT_AN_ACTIVITY_TIME), Number.NaN), v.finite(NOT_AN_ACTIVITY_TIME), v.integer(NOT_AN_ACTIVITY_TIME), v.minValue(0, NOT_AN_ACTIVITY_TIME)),
    durationMinutes: v.nullish(
      v.pipe(v.number(NOT_A_DURATION), v.integer(NOT_A_DURATION), v.minValue(0, NOT_A_DURATION), v.maxValue(100_000, NOT_A_DURATION)),
      null,
    ),
    outcome: text('outcome', LIMITS.name),
    body: text('activity-body', LIMITS.noteBody),
  }, problem({ type: 'not-fields' })),
  v.readonly(),
);
