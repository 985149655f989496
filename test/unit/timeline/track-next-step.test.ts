import { describe, expect, it } from 'vitest';
import type { Track } from '../../../core/tracks/track';
import { createHarness, saved, TEST_AUDIT_KEYS } from '../store/harness';
import { idHash } from '../../../core/audit/hash';

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
    saved(await store.update(call.id, 'task', { doneAt: clock.now() }));

    const next = await store.startNextTrackStep(call.id);
    expect(next).toMatchObject({ description: 'Email', dueDate: '2026-12-12', trackId: onboarding.id, recordId: deal.id });
    // Done again (undone and redone): the step's task is already there, so none is added.
    expect(await store.startNextTrackStep(call.id)).toBeNull();
    const tasks = (await store.linkedTo(deal.id)).filter((record) => record.kind === 'task');
    expect(tasks).toHaveLength(2);
  });

  it('writes the next step’s task with its own audit entry, naming the record by its keyed hash only', async () => {
    const { store, clock, db } = await createHarness();
    expect((await store.saveSettings({ tracks: [onboarding] })).ok).toBe(true);
    const deal = saved(await store.create('opportunity', { name: 'Rollout', currency: 'EUR' }));
    const call = saved(await store.create('task', {
      description: 'Call', recordId: deal.id, dueDate: '2026-12-07', timeZone: 'UTC', trackId: onboarding.id,
    }));
    saved(await store.update(call.id, 'task', { doneAt: clock.now() }));
    const setsBefore = await db.count('changes');
    const entriesBefore = (await store.audit.entries()).length;

    expect(await store.startNextTrackStep(call.id)).not.toBeNull();
    expect(await db.count('changes')).toBe(setsBefore + 1);
    const entries = await store.audit.entries();
    expect(entries).toHaveLength(entriesBefore + 1);
    expect(entries.at(-1)).toMatchObject({
      type: 'track-step-started', detail: { tasks: 1 },
      subjects: [{ kind: 'opportunity', idHash: await idHash(TEST_AUDIT_KEYS, deal.id) }],
    });
    expect(JSON.stringify(entries.at(-1))).not.toContain('Email');
  });

  it('does nothing for a task not done, from no track, or from a track since deleted', async () => {
    const { store, clock } = await createHarness();
    expect((await store.saveSettings({ tracks: [onboarding] })).ok).toBe(true);
    const deal = saved(await store.create('opportunity', { name: 'Rollout', currency: 'EUR' }));
    const open = saved(await store.create('task', { description: 'Call', recordId: deal.id, dueDate: '2026-12-07', trackId: onboarding.id }));
    expect(await store.startNextTrackStep(open.id)).toBeNull();
    const own = saved(await store.create('task', { description: 'Call', recordId: deal.id, dueDate: '2026-12-07', trackId: 'gone' }));
    saved(await store.update(own.id, 'task', { doneAt: clock.now() }));
    expect(await store.startNextTrackStep(own.id)).toBeNull();
    expect((await store.linkedTo(deal.id)).filter((record) => record.kind === 'task')).toHaveLength(2);
    expect((await store.audit.entries()).some((entry) => entry.type === 'track-step-started')).toBe(false);
  });
});
