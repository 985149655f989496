import { describe, expect, it } from 'vitest';
import { bucketOf, bucketTasks } from '../../../core/tasks/due-buckets';
import { markedDone, snoozed } from '../../../core/tasks/task-changes';
import { taskDueOf } from '../../../core/tasks/due-instant';
import type { TaskFields } from '../../../core/records/types';

const task = (fields: Partial<TaskFields>): TaskFields => ({
  description: 'Call Anna', recordId: null, dueDate: null, dueTime: null, timeZone: 'Europe/Berlin',
  category: 'call', assignee: 'Sam', doneAt: null, trackId: null, ...fields,
});
const at = (iso: string) => Date.parse(iso);

describe('due buckets in the device zone', () => {
  // Sunday 6 December 2026, 10:00 in Berlin.
  const now = at('2026-12-06T09:00:00Z');
  const berlin = 'Europe/Berlin';

  it('puts tasks in overdue, today, next 7 days, later and done', () => {
    expect(bucketOf(task({ dueDate: '2026-12-05' }), now, berlin)).toBe('overdue');
    expect(bucketOf(task({ dueDate: '2026-12-06', dueTime: '09:30' }), now, berlin)).toBe('overdue');
    expect(bucketOf(task({ dueDate: '2026-12-06', dueTime: '10:30' }), now, berlin)).toBe('today');
    expect(bucketOf(task({ dueDate: '2026-12-06' }), now, berlin)).toBe('today');
    expect(bucketOf(task({ dueDate: '2026-12-07' }), now, berlin)).toBe('next-7-days');
    expect(bucketOf(task({ dueDate: '2026-12-13' }), now, berlin)).toBe('next-7-days');
    expect(bucketOf(task({ dueDate: '2026-12-14' }), now, berlin)).toBe('later');
    expect(bucketOf(task({}), now, berlin)).toBe('later');
    expect(bucketOf(task({ dueDate: '2026-12-01', doneAt: now }), now, berlin)).toBe('done');
  });

  it('moves a timed task to another day when the device changes zone, and keeps a dated one on its date', () => {
    // 08:00 on 7 December in Berlin is 23:00 on 6 December in Los Angeles.
    const call = task({ dueDate: '2026-12-07', dueTime: '08:00' });
    const someTime = task({ dueDate: '2026-12-07' });
    const laEvening = at('2026-12-06T20:00:00Z');
    expect(bucketOf(call, laEvening, berlin)).toBe('next-7-days');
    expect(bucketOf(call, laEvening, 'America/Los_Angeles')).toBe('today');
    expect(bucketOf(someTime, laEvening, 'America/Los_Angeles')).toBe('next-7-days');
  });

  it('counts today by the device day on a daylight-saving day', () => {
    // Berlin falls back on 25 October 2026: the day has 25 hours; 23:30 that night is still today.
    const lateOnTheLongDay = at('2026-10-25T22:15:00Z'); // 23:15 Berlin (UTC+1 after the change)
    expect(bucketOf(task({ dueDate: '2026-10-25', dueTime: '23:30' }), lateOnTheLongDay, berlin)).toBe('today');
    expect(bucketOf(task({ dueDate: '2026-10-26', dueTime: '00:30' }), lateOnTheLongDay, berlin)).toBe('next-7-days');
    expect(bucketOf(task({ dueDate: '2026-10-25' }), at('2026-10-25T23:30:00Z'), berlin)).toBe('overdue');
  });

  it('sorts each section soonest first and done tasks most recently done first', () => {
    const rows = [
      { id: 'b', fields: task({ description: 'B', dueDate: '2026-12-06', dueTime: '15:00' }) },
      { id: 'a', fields: task({ description: 'A', dueDate: '2026-12-06', dueTime: '11:00' }) },
      { id: 'x', fields: task({ description: 'X', doneAt: at('2026-12-01T00:00:00Z') }) },
      { id: 'y', fields: task({ description: 'Y', doneAt: at('2026-12-05T00:00:00Z') }) },
      { id: 'z', fields: task({ description: 'Z' }) },
      { id: 'l', fields: task({ description: 'L', dueDate: '2027-01-10' }) },
    ];
    const buckets = bucketTasks(rows, now, berlin);
    expect(buckets.today.map((row) => row.id)).toEqual(['a', 'b']);
    expect(buckets.done.map((row) => row.id)).toEqual(['y', 'x']);
    expect(buckets.later.map((row) => row.id)).toEqual(['l', 'z']);
    expect(buckets.overdue).toEqual([]);
  });
});

describe('snooze and done', () => {
  const now = at('2026-12-06T09:00:00Z');

  it('snoozes by a day or a week and keeps the time', () => {
    const call = task({ dueDate: '2026-12-08', dueTime: '14:00' });
    expect(snoozed(call, 'day', now)).toEqual({ dueDate: '2026-12-09' });
    expect(snoozed(call, 'week', now)).toEqual({ dueDate: '2026-12-15' });
    const moved = { ...call, ...snoozed(call, 'day', now) };
    expect(new Date(taskDueOf('task', moved)!.at).toISOString()).toBe('2026-12-09T13:00:00.000Z');
  });

  it('snoozes an overdue or undated task from today', () => {
    expect(snoozed(task({ dueDate: '2026-11-20', dueTime: '09:00' }), 'day', now)).toEqual({ dueDate: '2026-12-07' });
    expect(snoozed(task({}), 'week', now)).toEqual({ dueDate: '2026-12-13' });
  });

  it('keeps the wall time across a daylight-saving change', () => {
    const beforeChange = task({ dueDate: '2026-03-28', dueTime: '09:00' });
    const moved = { ...beforeChange, ...snoozed(beforeChange, 'day', at('2026-03-28T06:00:00Z')) };
    expect(moved.dueDate).toBe('2026-03-29');
    expect(new Date(taskDueOf('task', moved)!.at).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('marks done at the clock and undone again', () => {
    expect(markedDone(true, now)).toEqual({ doneAt: now });
    expect(markedDone(false, now)).toEqual({ doneAt: null });
  });
});
