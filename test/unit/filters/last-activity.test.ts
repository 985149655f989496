import { describe, expect, it } from 'vitest';
import { isCancelled } from '../../../worker/contract';
import { createFilterApi } from '../../../worker/filters/filter-api';
import { BUILT_IN_LISTS } from '../../../core/filters/built-in-lists';
import { createHarness, saved } from '../store/harness';

const DAY = 24 * 60 * 60 * 1000;
const noActivity = BUILT_IN_LISTS.find((list) => list.name === 'no-activity-90-days');

describe('"No activity for 90 days" in the worker', () => {
  it('follows logged conversations: a person called yesterday is out, one never contacted and untouched for 100 days is in', async () => {
    const { store, db, clock } = await createHarness();
    const api = createFilterApi({ store, db, clock });
    const called = saved(await store.create('person', { firstName: 'Called', lastName: 'Yesterday' }));
    const quiet = saved(await store.create('person', { firstName: 'Never', lastName: 'Contacted' }));
    clock.advance(100 * DAY);
    saved(await store.create('activity', { type: 'call', recordId: called.id, occurredAt: clock.now() - DAY, outcome: 'Agreed a demo' }));
    expect((await store.get(called.id))?.updatedAt).toBe(called.updatedAt);

    const result = await api.filterList('person', noActivity!.filter, noActivity!.sort, () => undefined);
    if (isCancelled(result)) throw new Error('Expected a list');
    expect(result.ids).toEqual([quiet.id]);
  });

  it('reads a done task on a deal as contact with its party, and a call long ago as no recent activity', async () => {
    const { store, db, clock } = await createHarness();
    const api = createFilterApi({ store, db, clock });
    const withDeal = saved(await store.create('person', { firstName: 'Deal', lastName: 'Party' }));
    const longAgo = saved(await store.create('person', { firstName: 'Long', lastName: 'Ago' }));
    saved(await store.create('activity', { type: 'meeting', recordId: longAgo.id, occurredAt: clock.now() }));
    const deal = saved(await store.create('opportunity', { name: 'Renewal', partyId: withDeal.id, currency: 'EUR' }));
    clock.advance(120 * DAY);
    saved(await store.create('task', { description: 'Send the offer', recordId: deal.id, doneAt: clock.now() - 2 * DAY }));

    const result = await api.filterList('person', noActivity!.filter, noActivity!.sort, () => undefined);
    if (isCancelled(result)) throw new Error('Expected a list');
    expect(result.ids).toEqual([longAgo.id]);
  });
});
