import { describe, expect, it } from 'vitest';
import { dueByEndOfToday, nextSummaryAt, reminderRound } from '../../../core/tasks/reminder-plan';
import { createHarness, saved } from '../store/harness';

const at = (iso: string) => Date.parse(iso);

describe('reminder rounds from the remind index', () => {
  it('names the reminders that fell due since the last round and the next one, without reading a body', async () => {
    const { store, db } = await createHarness();
    const call = saved(await store.create('task', { description: 'Call', dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'UTC' }));
    const mail = saved(await store.create('task', { description: 'Mail', dueDate: '2026-12-07', dueTime: '11:00', timeZone: 'UTC' }));
    saved(await store.create('task', { description: 'Undated' }));

    expect(await reminderRound(db, at('2026-12-07T09:00:00Z'), at('2026-12-07T09:30:00Z')))
      .toEqual({ due: [], nextAt: at('2026-12-07T10:00:00Z') });
    expect(await reminderRound(db, at('2026-12-07T09:30:00Z'), at('2026-12-07T10:00:00Z')))
      .toEqual({ due: [call.id], nextAt: at('2026-12-07T11:00:00Z') });
    // A device asleep through both reminders is told of both when it wakes.
    expect(await reminderRound(db, at('2026-12-07T09:30:00Z'), at('2026-12-07T12:00:00Z')))
      .toEqual({ due: [call.id, mail.id], nextAt: null });

    saved(await store.update(mail.id, 'task', { doneAt: at('2026-12-07T09:00:00Z') }));
    expect(await reminderRound(db, at('2026-12-07T10:00:00Z'), at('2026-12-07T12:00:00Z'))).toEqual({ due: [], nextAt: null });
  });

  it('counts overdue and due-today tasks in the device zone', async () => {
    const { store, db } = await createHarness();
    saved(await store.create('task', { description: 'Late', dueDate: '2026-12-05', timeZone: 'Europe/Berlin' }));
    saved(await store.create('task', { description: 'Today', dueDate: '2026-12-06', dueTime: '18:00', timeZone: 'Europe/Berlin' }));
    saved(await store.create('task', { description: 'Tomorrow', dueDate: '2026-12-07', timeZone: 'Europe/Berlin' }));
    const morning = at('2026-12-06T07:00:00Z');
    expect(await dueByEndOfToday(db, morning, 'Europe/Berlin')).toEqual({ overdue: 1, today: 1 });
  });

  it('shows the morning summary at the chosen time of the device day, across a daylight-saving change', () => {
    expect(nextSummaryAt('08:00', at('2026-12-06T06:00:00Z'), 'Europe/Berlin')).toBe(at('2026-12-06T07:00:00Z'));
    expect(nextSummaryAt('08:00', at('2026-12-06T07:00:00Z'), 'Europe/Berlin')).toBe(at('2026-12-07T07:00:00Z'));
    // Berlin springs forward on 29 March 2026: 08:00 that morning is 06:00 UTC, not 07:00.
    expect(nextSummaryAt('08:00', at('2026-03-28T08:00:00Z'), 'Europe/Berlin')).toBe(at('2026-03-29T06:00:00Z'));
  });
});
