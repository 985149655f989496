import { describe, expect, it } from 'vitest';
import type { RetentionRule } from '../../../core/retention/policy';
import { retentionContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createRetentionApi, MAX_CANDIDATES } from '../../../worker/retention-api';
import { createHarness, person, saved } from '../store/harness';

const T0 = Date.UTC(2022, 0, 10, 12, 0, 0);
/** T0 moved by whole calendar months (T0 is the 10th, so no day is clamped). */
const monthsAfterT0 = (months: number, extraMs = 0) => Date.UTC(2022, months, 10, 12, 0, 0) + extraMs;
const HOUR = 60 * 60 * 1000;

const rule = (kind: RetentionRule['kind'], months: number): RetentionRule => ({ id: `rule-${kind}`, kind, months });

const start = async () => {
  const harness = await createHarness();
  harness.clock.set(T0);
  return { ...harness, api: validated(retentionContract, createRetentionApi({ store: harness.store, clock: harness.clock })) };
};

describe('people with no activity', () => {
  /** Ada and Gus untouched since T0; Bob has a note at +3 months; Dee a deal with a note at +5; Fay is in the trash. */
  const peopleWithHistory = async () => {
    const harness = await start();
    const { store, clock } = harness;
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { jobTitle: 'Analyst' })));
    const bob = saved(await store.create('person', person('Bob', 'Stone')));
    const dee = saved(await store.create('person', person('Dee', 'Marsh')));
    const fay = saved(await store.create('person', person('Fay', 'Wray')));
    const gus = saved(await store.create('person', person('Gus', 'Grant', { organisationId: acme.id })));
    const deal = saved(await store.create('opportunity', { name: 'Dee renewal', partyId: dee.id }));
    await store.remove(fay.id);
    clock.set(monthsAfterT0(3));
    saved(await store.create('note', { body: 'Called Bob', recordId: bob.id }));
    clock.set(monthsAfterT0(5));
    saved(await store.create('note', { body: 'Sent the renewal terms', recordId: deal.id }));
    clock.set(monthsAfterT0(6));
    // A note in the trash is no activity.
    const trashed = saved(await store.create('note', { body: 'Draft', recordId: ada.id }));
    await store.remove(trashed.id);
    // The organisation's activity is not its people's.
    saved(await store.create('note', { body: 'Acme moved office', recordId: acme.id }));
    return { ...harness, ada, bob, dee, gus };
  };

  it('proposes nobody until the window is over, then the people untouched since, oldest first, named as lists show them', async () => {
    const { api, clock, ada, gus } = await peopleWithHistory();
    clock.set(monthsAfterT0(24));
    expect(await api.proposeRetention(rule('inactive-people', 24))).toEqual([]);
    clock.set(monthsAfterT0(24, HOUR));
    expect(await api.proposeRetention(rule('inactive-people', 24))).toEqual([
      { id: ada.id, kind: 'person', title: 'Ada Lovelace', subtitle: 'Analyst', since: T0 },
      { id: gus.id, kind: 'person', title: 'Gus Grant', subtitle: '', since: T0 },
    ]);
  });

  it('measures from the latest note on the person, or on a deal about them', async () => {
    const { api, clock, ada, bob, dee, gus } = await peopleWithHistory();
    clock.set(monthsAfterT0(27, HOUR));
    expect((await api.proposeRetention(rule('inactive-people', 24))).map((c) => [c.id, c.since]))
      .toEqual([[ada.id, T0], [gus.id, T0], [bob.id, monthsAfterT0(3)]]);
    clock.set(monthsAfterT0(29, HOUR));
    expect((await api.proposeRetention(rule('inactive-people', 24))).map((c) => c.id)).toEqual([ada.id, gus.id, bob.id, dee.id]);
  });

  it('reads every batch: a person whose note lies more than a thousand records later is still kept', async () => {
    const { api, store, clock } = await start();
    const ivy = saved(await store.create('person', person('Ivy', 'Old')));
    const filler = await store.insertMany('organisation', Array.from({ length: 1500 }, (_, i) => ({ name: `Org ${i}` })));
    expect(filler.inserted).toBe(1500);
    clock.set(monthsAfterT0(20));
    saved(await store.create('note', { body: 'Met Ivy', recordId: ivy.id }));
    clock.set(monthsAfterT0(30));
    expect(await api.proposeRetention(rule('inactive-people', 12))).toEqual([]);
    expect((await api.proposeRetention(rule('inactive-people', 6))).map((c) => c.id)).toEqual([ivy.id]);
  });
});

describe('lost opportunities and closed cases', () => {
  it('propose lost opportunities by their close date, or their last edit without one', async () => {
    const { api, store, clock } = await start();
    const dated = saved(await store.create('opportunity', { name: 'Old tender', status: 'lost', expectedCloseDate: '2021-06-30', value: 1200, currency: 'EUR' }));
    const undated = saved(await store.create('opportunity', { name: 'Lost pilot', status: 'lost' }));
    saved(await store.create('opportunity', { name: 'Won deal', status: 'won', expectedCloseDate: '2021-06-30' }));
    saved(await store.create('opportunity', { name: 'Open deal', status: 'open', expectedCloseDate: '2021-06-30' }));
    clock.set(monthsAfterT0(12, HOUR));
    expect((await api.proposeRetention(rule('lost-opportunities', 12))).map((c) => [c.title, c.subtitle, c.since])).toEqual([
      ['Old tender', '€1,200 · lost', Date.UTC(2021, 5, 30)],
      ['Lost pilot', 'lost', T0],
    ]);
    expect((await api.proposeRetention(rule('lost-opportunities', 13))).map((c) => c.id)).toEqual([dated.id]);
    expect((await api.proposeRetention(rule('lost-opportunities', 19))).map((c) => c.id)).toEqual([]);
    expect(undated.fields.expectedCloseDate).toBeNull();
  });

  it('propose closed cases untouched for longer than the window, never open ones or ones in the trash', async () => {
    const { api, store, clock } = await start();
    const closed = saved(await store.create('case', { name: 'Refund', status: 'closed' }));
    saved(await store.create('case', { name: 'Still open', status: 'open' }));
    const trashed = saved(await store.create('case', { name: 'Binned', status: 'closed' }));
    await store.remove(trashed.id);
    clock.set(monthsAfterT0(2));
    const reopened = saved(await store.create('case', { name: 'Reopened', status: 'open' }));
    clock.set(monthsAfterT0(4));
    saved(await store.update(reopened.id, 'case', { status: 'closed' }));
    clock.set(monthsAfterT0(6, HOUR));
    expect(await api.proposeRetention(rule('closed-cases', 6))).toEqual([
      { id: closed.id, kind: 'case', title: 'Refund', subtitle: 'closed', since: T0 },
    ]);
    clock.set(monthsAfterT0(10, HOUR));
    expect((await api.proposeRetention(rule('closed-cases', 6))).map((c) => c.title)).toEqual(['Refund', 'Reopened']);
  });
});

describe('the proposal list', () => {
  it(`holds at most ${MAX_CANDIDATES} records, the oldest`, async () => {
    const { api, store, clock } = await start();
    const oldest = saved(await store.create('case', { name: 'First closed', status: 'closed' }));
    clock.set(T0 + HOUR);
    await store.insertMany('case', Array.from({ length: MAX_CANDIDATES }, (_, i) => ({ name: `Case ${i}`, status: 'closed' })));
    clock.set(monthsAfterT0(2));
    const proposed = await api.proposeRetention(rule('closed-cases', 1));
    expect(proposed).toHaveLength(MAX_CANDIDATES);
    expect(proposed[0]?.id).toBe(oldest.id);
    expect(proposed.every((candidate, i) => i === 0 || (proposed[i - 1]?.since ?? 0) <= candidate.since)).toBe(true);
  }, 30_000);

  it('refuses a rule that is not one, and writes nothing', async () => {
    const { api, store } = await start();
    saved(await store.create('case', { name: 'Refund', status: 'closed' }));
    const invalid: unknown[] = [
      { id: 'r', kind: 'everything', months: 12 },
      { id: 'r', kind: 'closed-cases', months: 0 },
      { id: 'r', kind: 'closed-cases', months: 1.5 },
      { id: '', kind: 'closed-cases', months: 12 },
      null,
    ];
    for (const input of invalid) {
      // Comlink hands the worker whatever a page sent: the type says rule, the value may be anything.
      await expect(api.proposeRetention(input as RetentionRule)).rejects.toThrow();
    }
    expect(await store.count('case')).toBe(1);
  });
});
