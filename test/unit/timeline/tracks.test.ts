import { describe, expect, it } from 'vitest';
import { nextStepIsMissing, nextTrackStep, type Track } from '../../../core/tracks/track';
import type { TaskFields } from '../../../core/records/types';
import { createHarness, person, saved } from '../store/harness';

const onboarding: Track = {
  id: 'track-onboarding', name: 'Onboarding',
  steps: [
    { description: 'Call', category: 'call', offsetDays: 1 },
    { description: 'Email', category: 'email', offsetDays: 7 },
    { description: 'Review', category: 'meeting', offsetDays: 30 },
  ],
};

describe('applying a track', () => {
  it('makes every step’s task due today plus its offset in the device zone, in one change set with an audit entry', async () => {
    const { store, clock, db } = await createHarness();
    clock.set(Date.parse('2026-12-06T23:30:00Z')); // already 7 Dec in Berlin
    const deal = saved(await store.create('opportunity', { name: 'Rollout', currency: 'EUR' }));
    const setsBefore = await db.count('changes');
    const applied = await store.applyTrack({ track: onboarding, recordId: deal.id, timeZone: 'Europe/Berlin', assignee: 'Owner' });
    if (!applied.ok) throw new Error(applied.error.type);
    expect(await db.count('changes')).toBe(setsBefore + 1);
    const tasks = (await store.linkedTo(deal.id)).flatMap((record) => (record.kind === 'task' ? [record.fields] : []));
    expect(tasks.map((task) => [task.description, task.dueDate, task.trackId, task.timeZone])).toEqual([
      ['Call', '2026-12-08', onboarding.id, 'Europe/Berlin'],
      ['Email', '2026-12-14', onboarding.id, 'Europe/Berlin'],
      ['Review', '2027-01-06', onboarding.id, 'Europe/Berlin'],
    ]);
    const entries = await store.audit.entries();
    expect(entries.at(-1)).toMatchObject({ type: 'track-applied', detail: { tasks: 3 } });
  });

  it('refuses a person and a record in the trash, and writes nothing', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const closedCase = saved(await store.create('case', { name: 'Gone' }));
    await store.remove(closedCase.id);
    const sets = await db.count('changes');
    expect(await store.applyTrack({ track: onboarding, recordId: ada.id, timeZone: 'UTC', assignee: '' })).toEqual({ ok: false, error: { type: 'not-a-case-or-opportunity' } });
    expect(await store.applyTrack({ track: onboarding, recordId: closedCase.id, timeZone: 'UTC', assignee: '' })).toEqual({ ok: false, error: { type: 'record-gone' } });
    expect(await db.count('changes')).toBe(sets);
  });
});

describe('the next step of a track', () => {
  const done = (description: string, doneAt: number, trackId = onboarding.id): TaskFields => ({
    description, recordId: 'deal-1', dueDate: '2026-12-08', dueTime: null, timeZone: 'Europe/Berlin', category: 'call',
    assignee: 'Owner', doneAt, trackId,
  });

  it('follows a completed step, due the offsets’ gap after the day it was done', () => {
    const next = nextTrackStep(onboarding, done('Call', Date.parse('2026-12-10T10:00:00Z')));
    expect(next?.step.description).toBe('Email');
    expect(next?.task).toMatchObject({ description: 'Email', dueDate: '2026-12-16', recordId: 'deal-1', trackId: onboarding.id, doneAt: null, category: 'email' });
  });

  it('is none after the last step, for an open task, or for a task of another track', () => {
    expect(nextTrackStep(onboarding, done('Review', 1))).toBeNull();
    expect(nextTrackStep(onboarding, { ...done('Call', 1), doneAt: null })).toBeNull();
    expect(nextTrackStep(onboarding, done('Call', 1, 'another'))).toBeNull();
  });

  it('says whether the next step’s task is already on the record', () => {
    const next = nextTrackStep(onboarding, done('Call', Date.parse('2026-12-10T10:00:00Z')));
    if (!next) throw new Error('expected a next step');
    expect(nextStepIsMissing(next, [done('Call', 1)])).toBe(true);
    expect(nextStepIsMissing(next, [done('Call', 1), { ...next.task }])).toBe(false);
  });
});

describe('tracks in the settings', () => {
  it('are kept with the settings, so backups carry them, and a track without steps is refused', async () => {
    const { store } = await createHarness();
    expect((await store.getSettings()).tracks ?? []).toEqual([]);
    expect((await store.saveSettings({ tracks: [onboarding] })).ok).toBe(true);
    expect((await store.getSettings()).tracks).toEqual([onboarding]);
    expect(await store.saveSettings({ tracks: [{ ...onboarding, steps: [] }] })).toEqual({ ok: false, error: { tracks: 'tracks-invalid' } });
    expect((await store.getSettings()).tracks).toEqual([onboarding]);
    expect((await store.audit.entries()).at(-1)).toMatchObject({ type: 'settings-changed', detail: { fields: 'tracks' } });
  });
});
