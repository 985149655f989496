import { describe, expect, it } from 'vitest';
import { buildTimeline, timelinePage, TIMELINE_PAGE_SIZE } from '../../../core/timeline/timeline';
import { createHarness, person, saved } from '../store/harness';

const HOUR = 3_600_000;

describe('a record’s timeline', () => {
  it('lists notes, captures, logged conversations, done tasks and field changes, newest first', async () => {
    const { store, clock } = await createHarness();
    const anna = saved(await store.create('organisation', { name: 'Müller GmbH' }));
    const deal = saved(await store.create('opportunity', { name: 'Rollout', partyId: anna.id, milestone: 'proposal', currency: 'EUR' }));
    clock.advance(HOUR);
    saved(await store.create('note', { body: 'Met at the fair', recordId: deal.id }));
    clock.advance(HOUR);
    saved(await store.create('note', { body: 'Pricing page', recordId: deal.id, sourceUrl: 'https://example.com/pricing', capturedAt: clock.now() }));
    clock.advance(HOUR);
    saved(await store.create('activity', { type: 'call', recordId: deal.id, occurredAt: clock.now() - 30 * 60_000, durationMinutes: 20, outcome: 'Agreed a demo' }));
    clock.advance(HOUR);
    saved(await store.update(deal.id, 'opportunity', { milestone: 'negotiation' }));
    clock.advance(HOUR);
    const task = saved(await store.create('task', { description: 'Send contract', recordId: deal.id }));
    saved(await store.create('task', { description: 'Still open', recordId: deal.id }));
    clock.advance(HOUR);
    saved(await store.update(task.id, 'task', { doneAt: clock.now() }));
    clock.advance(HOUR);
    saved(await store.update(deal.id, 'opportunity', { milestone: 'closing', status: 'won' }));

    const timeline = buildTimeline(deal.id, await store.linkedTo(deal.id), await store.changesFor(deal.id));
    // The last update changed two fields in one set: the same moment, in key order descending.
    expect(timeline.map((entry) => entry.type === 'field-change' ? `${entry.field}:${String(entry.before)}→${String(entry.after)}` : entry.type)).toEqual([
      'status:open→won', 'milestone:negotiation→closing', 'task-done', 'milestone:proposal→negotiation', 'activity', 'note', 'note',
    ]);
    const capture = timeline.find((entry) => entry.type === 'note' && entry.sourceUrl !== null);
    expect(capture).toMatchObject({ body: 'Pricing page', sourceUrl: 'https://example.com/pricing' });
    expect(timeline.find((entry) => entry.type === 'activity')).toMatchObject({ activity: 'call', durationMinutes: 20, outcome: 'Agreed a demo' });
  });

  it('leaves out what is in the trash and what belongs to another record', async () => {
    const { store } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const bob = saved(await store.create('person', person('Bob', 'Byte')));
    const kept = saved(await store.create('note', { body: 'kept', recordId: ada.id }));
    const gone = saved(await store.create('note', { body: 'gone', recordId: ada.id }));
    saved(await store.create('note', { body: 'about Bob', recordId: bob.id }));
    await store.remove(gone.id);
    const timeline = buildTimeline(ada.id, [...await store.linkedTo(ada.id), ...await store.linkedTo(bob.id)], await store.changesFor(ada.id));
    expect(timeline.map((entry) => entry.key)).toEqual([kept.id]);
  });

  it('pages by 50 and says where the next page starts', () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({ type: 'note' as const, key: `n${String(i).padStart(3, '0')}`, id: `n${i}`, at: 1000 - i, body: '', sourceUrl: null }));
    const first = timelinePage(entries, 0);
    expect(first.entries).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first.next).toBe(50);
    const last = timelinePage(entries, 100);
    expect(last.entries.map((entry) => entry.key)).toEqual(entries.slice(100).map((entry) => entry.key));
    expect(last.next).toBeNull();
    expect(timelinePage(entries, -3).entries[0]?.key).toBe('n000');
  });
});
