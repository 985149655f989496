import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { writeTasksIcs } from '../../../core/ics/write-tasks';
import { emptyFields } from '../../../core/records/validate';
import type { LocketRecord, TaskFields } from '../../../core/records/types';

const task = (id: string, fields: Partial<TaskFields>): LocketRecord<'task'> => ({
  id, kind: 'task', createdAt: Date.UTC(2026, 11, 1), updatedAt: Date.UTC(2026, 11, 2), deletedAt: null,
  fields: { ...emptyFields('task', { owner: 'Sam', currency: 'EUR' }), ...fields },
});

describe('tasks as an .ics file', () => {
  it('writes one VTODO per task that a calendar reads back: due instant, day-only due, category, done', async () => {
    const text = await writeTasksIcs([
      { task: task('t1', { description: 'Call Anna', dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'Europe/Berlin', category: 'call' }), recordTitle: 'Anna Schmidt' },
      { task: task('t2', { description: 'Send the offer', dueDate: '2026-12-08' }), recordTitle: null },
      { task: task('t3', { description: 'Book a room', doneAt: Date.UTC(2026, 11, 3, 9) }), recordTitle: null },
    ], Date.UTC(2026, 11, 6, 12));

    const calendar = new ICAL.Component(ICAL.parse(text));
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(todos.map((todo) => todo.getFirstPropertyValue('summary'))).toEqual(['Call Anna', 'Send the offer', 'Book a room']);
    const [call, offer, room] = todos;
    expect((call?.getFirstPropertyValue('due') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(call?.getFirstPropertyValue('description')).toBe('Anna Schmidt');
    expect(call?.getFirstPropertyValue('categories')).toBe('call');
    expect(call?.getFirstPropertyValue('uid')).toBe('t1@locket');
    const dayOnly = offer?.getFirstPropertyValue('due') as ICAL.Time;
    expect([dayOnly.isDate, dayOnly.toString()]).toEqual([true, '2026-12-08']);
    expect(room?.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(room?.getFirstProperty('due')).toBeNull();
    expect(offer?.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
  });
});
