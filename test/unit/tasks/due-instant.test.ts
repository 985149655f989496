import { describe, expect, it } from 'vitest';
import { dateInZone, taskDueOf, wallTimeToInstant } from '../../../core/tasks/due-instant';
import { emptyFields } from '../../../core/records/validate';
import { parseFields } from '../../../core/records/validate';

const task = (fields: Record<string, unknown>) => ({ ...emptyFields('task', { owner: 'Sam', currency: 'EUR' }), ...fields });

describe('due instants', () => {
  it('reads a wall time in its own zone, summer and winter', () => {
    expect(new Date(wallTimeToInstant('2026-07-01', '09:30', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(new Date(wallTimeToInstant('2026-12-01', '09:30', 'Europe/Berlin')).toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(new Date(wallTimeToInstant('2026-12-01', '09:30', 'America/New_York')).toISOString()).toBe('2026-12-01T14:30:00.000Z');
  });

  it('keeps a time on a daylight-saving day: skipped hour moves on, repeated hour is its first occurrence', () => {
    // Berlin springs forward on 29 March 2026 at 02:00 → 03:00, falls back on 25 October at 03:00 → 02:00.
    expect(new Date(wallTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallTimeToInstant('2026-03-29', '09:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(wallTimeToInstant('2026-10-25', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(wallTimeToInstant('2026-10-25', '09:00', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('tells the date of an instant in a zone', () => {
    const lateInLondon = Date.parse('2026-12-05T23:30:00Z');
    expect(dateInZone(lateInLondon, 'Europe/London')).toBe('2026-12-05');
    expect(dateInZone(lateInLondon, 'Europe/Berlin')).toBe('2026-12-06');
    expect(dateInZone(lateInLondon, 'America/Los_Angeles')).toBe('2026-12-05');
  });

  it('gives clear due facts only for an open task with a due date, and a reminder only with a time', () => {
    expect(taskDueOf('task', task({ description: 'x', dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'Europe/Berlin' })))
      .toEqual({ at: Date.parse('2026-12-07T09:00:00Z'), remindAt: Date.parse('2026-12-07T09:00:00Z') });
    expect(taskDueOf('task', task({ description: 'x', dueDate: '2026-12-07', timeZone: 'UTC' })))
      .toEqual({ at: Date.parse('2026-12-07T00:00:00Z'), remindAt: null });
    expect(taskDueOf('task', task({ description: 'x', dueDate: '2026-12-07', doneAt: 5 }))).toBeUndefined();
    expect(taskDueOf('task', task({ description: 'x' }))).toBeUndefined();
    expect(taskDueOf('note', { body: 'x', recordId: 'r', sourceUrl: null, capturedAt: null })).toBeUndefined();
  });
});

describe('task and activity schemas', () => {
  it('refuses a time without a date, an unknown zone and an empty description', () => {
    const parsed = parseFields('task', { description: '', dueTime: '10:00', timeZone: 'Mars/Olympus' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.description).toEqual({ type: 'task-description-missing' });
      expect(parsed.error.timeZone).toEqual({ type: 'not-a-time-zone' });
    }
    const timeOnly = parseFields('task', { description: 'Call', dueTime: '10:00' });
    expect(!timeOnly.ok && timeOnly.error.dueTime).toEqual({ type: 'due-time-without-date' });
  });

  it('refuses a conversation without a record or a time, and a fractional duration', () => {
    const parsed = parseFields('activity', { type: 'call', recordId: '', durationMinutes: 2.5 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.recordId).toEqual({ type: 'no-owning-record' });
      expect(parsed.error.occurredAt).toEqual({ type: 'not-an-activity-time' });
      expect(parsed.error.durationMinutes).toEqual({ type: 'not-a-duration' });
    }
  });
});
