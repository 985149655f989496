import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { Filter, SavedList, Sort } from '../../core/filters/filter-schema';
import './locket-filter-bar';
import '../locket-record-list/locket-record-list';

const customersInLeeds: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'Customer' }, { field: 'city', op: 'is', text: 'Leeds' }] };

describe('locket-filter-bar', () => {
  it('adds a condition from its form and says which filter the list should show', async () => {
    const { services } = await createTestServices();
    const changes = listen('locket-filter-change');
    await mount('locket-filter-bar', { services, kind: 'person' });
    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'City');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Condition' }), 'contains');
    await userEvent.fill(page.getByRole('textbox', { name: 'Value' }), 'Leeds');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));
    expect(changes.details).toEqual([{ filter: { conditions: [{ field: 'city', op: 'contains', text: 'Leeds' }] }, sort: { column: 'updated', direction: 'desc' } }]);
  });

  it('shows each condition as a chip to remove, clears them all, and changes the sort', async () => {
    const { services } = await createTestServices();
    const changes = listen('locket-filter-change');
    await mount('locket-filter-bar', { services, kind: 'person', filter: customersInLeeds });
    await expect.element(page.getByText('Tag has Customer')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Remove filter: City is Leeds' }));
    await userEvent.click(page.getByRole('button', { name: 'Clear filters' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort by' }), 'Name');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort direction' }), 'Ascending');
    const details = changes.details as { filter: Filter; sort: Sort }[];
    expect(details.map((detail) => detail.filter.conditions.length)).toEqual([1, 0, 2, 2]);
    // The bar holds no sort of its own: each change is made on the sort the list gave it.
    expect(details.slice(2).map((detail) => detail.sort)).toEqual([{ column: 'name', direction: 'desc' }, { column: 'updated', direction: 'asc' }]);
  });

  it('refuses a condition without its value, in words', async () => {
    const { services } = await createTestServices();
    await mount('locket-filter-bar', { services, kind: 'opportunity' });
    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'Organisation');
    await userEvent.fill(page.getByRole('textbox', { name: 'Value' }), 'Nobody Ltd');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('No organisation called “Nobody Ltd”.');
  });

  it('saves the filter and sort as a named list, and refuses a name already taken', async () => {
    const { services, store } = await createTestServices();
    const saved = listen('locket-list-saved');
    await mount('locket-filter-bar', { services, kind: 'person', filter: customersInLeeds });
    await userEvent.click(page.getByRole('button', { name: 'Save list' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'List name' }), 'Leeds customers');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(() => saved.details.length).toBe(1);
    const [{ list }] = saved.details as [{ list: SavedList }];
    expect((await store.getSettings()).savedLists).toEqual([{ ...list, name: 'Leeds customers', kind: 'person', filter: customersInLeeds }]);

    await userEvent.click(page.getByRole('button', { name: 'Save list' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'List name' }), 'leeds customers');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('A list of that name exists already.');
  });

  it('in a list: shows the matching rows and their count', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Leeds-Customer', tags: ['Customer'], addresses: ['Leeds'] });
    await store.create('person', { firstName: 'Bob', lastName: 'York-Customer', tags: ['Customer'], addresses: ['York'] });
    await store.create('person', { firstName: 'Cy', lastName: 'Leeds-Other', addresses: ['Leeds'] });
    await mount('locket-record-list', { services, kind: 'person' });
    await expect.element(page.getByRole('status')).toHaveTextContent('3 people');
    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Value' }), 'customer');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));
    await expect.element(page.getByRole('status')).toHaveTextContent('2 matching');
    await userEvent.click(page.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'City');
    await userEvent.fill(page.getByRole('textbox', { name: 'Value' }), 'Leeds');
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }));
    await expect.element(page.getByRole('status')).toHaveTextContent('1 matching');
    await expect.element(page.getByRole('button', { name: 'Open Ada Leeds-Customer' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Open Bob York-Customer' }).query()).toBeNull();
  });
});
