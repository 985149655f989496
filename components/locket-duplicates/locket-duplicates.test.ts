import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { LocketStore } from '../../core/store/contract';
import './locket-duplicates';

const created = async (store: LocketStore, input: Record<string, unknown>) => {
  const result = await store.create('person', input);
  if (!result.ok) throw new Error('test person refused');
  return result.value;
};

describe('locket-duplicates', () => {
  it('lists a likely pair with its reason, and asks the workspace to compare it, older record first', async () => {
    const { services, store } = await createTestServices();
    const anna = await created(store, { firstName: 'Anna', lastName: 'Schmidt', emails: ['anna@example.com'] });
    const twin = await created(store, { firstName: 'Anna', lastName: 'Schmitt', emails: ['ANNA@example.com'] });
    await created(store, { firstName: 'Bob', lastName: 'Baker' });
    const compared = listen('locket-compare');
    await mount('locket-duplicates', { services, kind: 'person' });

    const pairs = page.getByRole('list', { name: 'Possible duplicate pairs' });
    await expect.element(pairs).toHaveTextContent('Anna Schmidt · Anna Schmitt');
    await expect.element(pairs).toHaveTextContent('Same email address');
    await expect.element(pairs).not.toHaveTextContent('Bob Baker');

    await userEvent.click(page.getByRole('button', { name: 'Compare and merge Anna Schmidt and Anna Schmitt' }));
    expect(compared.details).toEqual([{ ids: [anna.id, twin.id] }]);
  });

  it('forgets a pair marked "Not duplicates", also the next time it looks', async () => {
    const { services, store } = await createTestServices();
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await created(store, { firstName: 'Jo', lastName: 'Lee' });
    await mount('locket-duplicates', { services, kind: 'person' });
    await userEvent.click(page.getByRole('button', { name: 'Jo Lee and Jo Lee are not duplicates' }));

    await expect.element(page.getByRole('status')).toHaveTextContent('No likely duplicates among people.');
    expect(await services.duplicates.duplicatePairs('person')).toEqual([]);
  });

  it('says when the pairs could not be read', async () => {
    const { services } = await createTestServices({
      services: { duplicates: { duplicatePairs: async () => { throw new Error('the worker stopped'); } } },
    });
    await mount('locket-duplicates', { services, kind: 'organisation' });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The duplicates could not be read');
  });
});
