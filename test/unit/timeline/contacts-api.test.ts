import { describe, expect, it } from 'vitest';
import { createContactsApi } from '../../../worker/contacts-api';
import { createHarness, person, saved } from '../store/harness';

const DAY = 86_400_000;

describe('the worker’s last contacted and follow-ups', () => {
  it('answers last contacted for many ids, and lists people past their cadence until a call is logged', async () => {
    const { store, clock } = await createHarness();
    const anna = saved(await store.create('person', person('Anna', 'Schmidt', { cadenceDays: '7' })));
    const bob = saved(await store.create('person', person('Bob', 'Byte')));
    const api = createContactsApi({ store, clock });
    expect(await api.lastContactedOf([anna.id, bob.id])).toEqual({});
    clock.advance(8 * DAY);
    expect((await api.followUpsDue('UTC')).map((s) => [s.title, s.daysOverdue])).toEqual([['Anna Schmidt', 1]]);

    saved(await store.create('activity', { type: 'call', recordId: anna.id, occurredAt: clock.now() }));
    expect(await api.lastContactedOf([anna.id, bob.id])).toEqual({ [anna.id]: clock.now() });
    expect(await api.followUpsDue('UTC')).toEqual([]);
  });
});
