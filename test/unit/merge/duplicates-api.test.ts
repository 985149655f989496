import { describe, expect, it } from 'vitest';
import { createHarness, person, saved } from '../store/harness';
import { createDuplicatesApi } from '../../../worker/duplicates-api';

describe('the Duplicates view\'s worker call', () => {
  it('lists live pairs with their names, older first, and forgets a pair marked "Not duplicates"', async () => {
    const { store } = await createHarness();
    const anna = saved(await store.create('person', person('Anna', 'Schmidt', { emails: ['anna@example.com'] })));
    const twin = saved(await store.create('person', person('Anna', 'Schmidt', { jobTitle: 'Buyer' })));
    const trashed = saved(await store.create('person', person('Anna', 'Schmidt')));
    await store.remove(trashed.id);
    const api = createDuplicatesApi({ store });

    expect(await api.duplicatePairs('person')).toEqual([{
      reason: 'same-name',
      sides: [{ id: anna.id, title: 'Anna Schmidt', subtitle: 'anna@example.com' }, { id: twin.id, title: 'Anna Schmidt', subtitle: 'Buyer' }],
    }]);
    expect(await api.duplicatePairs('organisation')).toEqual([]);

    await store.markNotDuplicates(twin.id, anna.id);
    expect(await api.duplicatePairs('person')).toEqual([]);
  });
});
