import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-tags-settings';

describe('locket-tags-settings', () => {
  it('says when there are no tags and no bulk changes', async () => {
    const { services } = await createTestServices();
    await mount('locket-tags-settings', { services });
    await expect.element(page.getByText('No tags yet.')).toBeVisible();
    await expect.element(page.getByText('No bulk changes yet.')).toBeVisible();
  });

  it('counts each tag, merges one into another by renaming, and undoes that from the history', async () => {
    const { services, store } = await createTestServices();
    await store.create('person', { firstName: 'Ada', lastName: 'Lovelace', tags: ['Client', 'Customer'] });
    await store.create('organisation', { name: 'Acme', tags: ['Client'] });
    await mount('locket-tags-settings', { services });
    const tags = page.getByRole('table', { name: 'Tags' });
    await expect.element(tags.getByRole('row', { name: /Client/ })).toHaveTextContent('2');

    await userEvent.fill(page.getByRole('combobox', { name: 'New name for Client' }), 'Customer');
    await userEvent.click(tags.getByRole('row', { name: /Client/ }).getByRole('button', { name: 'Rename' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Done: Client renamed Customer on 2 records.');
    await expect.element(tags.getByRole('row', { name: /Customer/ })).toHaveTextContent('2');
    expect(tags.getByRole('row', { name: /Client/ }).query()).toBeNull();

    const history = page.getByRole('table', { name: 'Recent bulk changes' });
    await userEvent.click(history.getByRole('button', { name: /^Undo: Client renamed Customer/ }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Undone: 2 records back as they were.');
    await expect.element(tags.getByRole('row', { name: /Client/ })).toHaveTextContent('2');
    await expect.element(history).toHaveTextContent('Undone');
  });
});
