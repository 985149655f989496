import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { createSavedLists } from '../../core/filters/saved-lists';
import './locket-saved-lists';

const setUp = async () => {
  const { services, store } = await createTestServices();
  const lists = createSavedLists({ settings: store, newId: () => 'list-1' });
  const saved = await lists.save('Leeds customers', 'person', { conditions: [{ field: 'tag', op: 'has', tag: 'Customer' }] }, { column: 'name', direction: 'asc' });
  if (!saved.ok) throw new Error('not saved');
  return { services, store, list: saved.value };
};

describe('locket-saved-lists', () => {
  it('offers the built-in lists and the saved ones, and opens the one chosen', async () => {
    const { services, list } = await setUp();
    const opened = listen('locket-open-list');
    await mount('locket-saved-lists', { services });
    const nav = page.getByRole('navigation', { name: 'Lists' });
    for (const name of ['Added this week', 'Last import', 'Consent older than 2 years', 'No activity for 90 days']) {
      await expect.element(nav.getByRole('button', { name })).toBeVisible();
    }
    await userEvent.click(nav.getByRole('button', { name: 'Leeds customers' }));
    expect(opened.details).toEqual([{ list }]);
  });

  it('renames the open list, and deletes it only once confirmed', async () => {
    const { services, store } = await setUp();
    const deleted = listen('locket-list-deleted');
    await mount('locket-saved-lists', { services }, { 'active-id': 'list-1' });
    await userEvent.click(page.getByRole('button', { name: 'Rename Leeds customers' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'List name' }), 'Customers in Leeds');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByRole('button', { name: 'Customers in Leeds', exact: true })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Delete Customers in Leeds' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Delete the list “Customers in Leeds”? The records stay.');
    expect((await store.getSettings()).savedLists).toHaveLength(1);
    await userEvent.click(page.getByRole('button', { name: 'Delete', exact: true }));
    await expect.poll(() => deleted.details).toEqual([{ id: 'list-1' }]);
    expect((await store.getSettings()).savedLists).toEqual([]);
    expect(page.getByRole('button', { name: 'Customers in Leeds', exact: true }).query()).toBeNull();
  });
});
