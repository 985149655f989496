import { describe, expect, it } from 'vitest';
import { createLastContactedMap, lastContactedFromLinked } from '../../../core/timeline/last-contacted';
import { followUpsDue } from '../../../core/timeline/stay-in-touch';
import type { PersonRecord } from '../../../core/records/types';
import { createHarness, person, saved } from '../store/harness';

const DAY = 86_400_000;

describe('last contacted', () => {
  it('is the latest conversation or completed task, and counts a deal’s contacts for its party and their organisation', async () => {
    const { store, clock } = await createHarness();
    const firm = saved(await store.create('organisation', { name: 'Müller GmbH' }));
    const anna = saved(await store.create('person', person('Anna', 'Schmidt', { organisationId: firm.id })));
    const deal = saved(await store.create('opportunity', { name: 'Rollout', partyId: anna.id, currency: 'EUR' }));
    const t0 = clock.now();
    saved(await store.create('activity', { type: 'email', recordId: anna.id, occurredAt: t0 - 5 * DAY }));
    saved(await store.create('task', { description: 'open, not a contact', recordId: anna.id }));
    saved(await store.create('note', { body: 'a note is no contact', recordId: anna.id }));
    expect(lastContactedFromLinked(anna.id, await store.linkedTo(anna.id))).toBe(t0 - 5 * DAY);

    saved(await store.create('task', { description: 'Send offer', recordId: deal.id, doneAt: t0 - DAY }));
    const map = createLastContactedMap();
    await store.forEachBatch(2, (records) => records.forEach(map.visit));
    const latest = map.result();
    expect(latest.get(deal.id)).toBe(t0 - DAY);
    expect(latest.get(anna.id)).toBe(t0 - DAY);
    expect(latest.get(firm.id)).toBe(t0 - DAY);
  });

  it('is never for someone with no conversation and no completed task', async () => {
    const { store } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    expect(lastContactedFromLinked(ada.id, await store.linkedTo(ada.id))).toBeNull();
  });
});

const personWith = (id: string, cadenceDays: number | null, createdAt: number): PersonRecord => ({
  id, kind: 'person', createdAt, updatedAt: createdAt, deletedAt: null,
  fields: {
    firstName: id, lastName: '', jobTitle: '', organisationId: null, emails: [], phones: [], websites: [], addresses: [],
    tags: [], customFields: [], consent: null, owner: '', cadenceDays,
  },
});

describe('stay in touch', () => {
  const created = Date.parse('2026-11-01T12:00:00Z');

  it('suggests a person once their cadence has passed since the last contact, and a call restarts it', () => {
    const anna = personWith('anna', 30, created);
    const noCadence = personWith('bob', null, created);
    const lastCall = Date.parse('2026-11-20T09:00:00Z');
    const contacts = new Map([['anna', lastCall]]);
    expect(followUpsDue([anna, noCadence], contacts, Date.parse('2026-12-19T12:00:00Z'), 'UTC')).toEqual([]);
    expect(followUpsDue([anna, noCadence], contacts, Date.parse('2026-12-20T00:30:00Z'), 'UTC')).toEqual([
      { id: 'anna', lastContactedAt: lastCall, dueSince: '2026-12-20', daysOverdue: 0 },
    ]);
    // Never contacted: counted from when the record was made.
    expect(followUpsDue([anna], new Map(), Date.parse('2026-12-03T12:00:00Z'), 'UTC')[0]).toMatchObject({ dueSince: '2026-12-01', daysOverdue: 2 });
    // A call today restarts the count.
    expect(followUpsDue([anna], new Map([['anna', Date.parse('2026-12-20T08:00:00Z')]]), Date.parse('2026-12-20T12:00:00Z'), 'UTC')).toEqual([]);
  });

  it('reads "today" in the device’s zone, so moving from Berlin to New York moves the day it becomes due', () => {
    const anna = personWith('anna', 1, created);
    // Contacted late on 1 Dec in Berlin (23:30), which is still 1 Dec in New York (17:30).
    const contacts = new Map([['anna', Date.parse('2026-12-01T22:30:00Z')]]);
    const now = Date.parse('2026-12-02T02:00:00Z'); // 03:00 on 2 Dec in Berlin, 21:00 on 1 Dec in New York
    expect(followUpsDue([anna], contacts, now, 'Europe/Berlin').map((s) => s.dueSince)).toEqual(['2026-12-02']);
    expect(followUpsDue([anna], contacts, now, 'America/New_York')).toEqual([]);
    expect(followUpsDue([anna], contacts, now + 4 * 3_600_000, 'America/New_York').map((s) => s.dueSince)).toEqual(['2026-12-02']);
  });
});
