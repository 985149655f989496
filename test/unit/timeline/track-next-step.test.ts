import { describe, expect, it } from 'vitest';
import type { Track } from '../../../core/tracks/track';
import { startNextTrackStep } from '../../../core/tracks/start-next-step';
import { createHarness, saved } from '../store/harness';

const onboarding: Track = {
  id: 'track-onboarding', name: 'Onboarding',
  steps: [
    { description: 'Call', category: 'call', offsetDays: 1 },
    { description: 'Email', category: 'email', offsetDays: 7 },
  ],
};

describe('a done track task starts the next step', () => {
  it('makes the next step’s task when it is missing, due by the steps’ gap from the day it was done, once', async () => {
    const { store, clock } = await createHarness();
    clock.set(Date.parse('2026-12-06T10:00:00Z'));
    expect((await store.saveSettings({ tracks: [onboarding] })).ok).toBe(true);
    const deal = saved(await store.create('opportunity', { name: 'Rollout', currency: 'EUR' }));
    const call = saved(await store.create('task', {
      description: 'Call', recordId: deal.id, dueDate: '2026-12-07', timeZone: 'Europe/Berlin', trackId: onboarding.id, category: 'call',
    }));
    const done = saved(await store.update(call.id, 'task', { doneAt: clock.now() }));

    const next = await startNextTrackStep(store, done.fields);
    expect(next).toMatchObject({ description: 'Email', dueDate: '2026-12-12', trackId: onboarding.id, recordId: deal.id });
    // Done again (undone and redone): the step's task is already there, so none is added.
    expect(await startNextTrackStep(store, done.fields)).toBeNull();
    const tasks = (await store.linkedTo(deal.id)).filter((record) => record.kind === 'task');
    expect(tasks).toHaveLength(2);
  });

  it('does nothing for a task from no track, or from a track since deleted', async () => {
    const { store, clock } = await createHarness();
    const own = saved(await store.create('task', { description: 'Call', dueDate: '2026-12-07', trackId: 'gone' }));
    const done = saved(await store.update(own.id, 'task', { doneAt: clock.now() }));
    expect(await startNextTrackStep(store, done.fields)).toBeNull();
  });
});
