import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { controlled } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { ImportFileInput, ImportFilePreview } from '../../worker/import-types';
import './locket-import-settings';

/** Locket's own contacts export: two people, one without a name (refused by the check). */
const CONTACTS = [
  'kind,firstName,lastName,email',
  'person,Ada,Lovelace,ada@example.com',
  'person,Grace,Hopper,grace@example.com',
  'person,,,nobody@example.com',
].join('\n');

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const chooser = () => page.getByLabelText('CSV files to import');

describe('locket-import-settings', () => {
  it('previews a file, checks it, imports it with the count, and undoes it', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-import-settings', { services });
    await userEvent.upload(chooser(), csv('contacts.csv', CONTACTS));
    await expect.element(page.getByRole('table', { name: 'First rows of contacts.csv' })).toHaveTextContent('Lovelace');

    await userEvent.click(page.getByRole('button', { name: 'Check' }));
    await expect.element(page.getByRole('region', { name: 'Import check' })).toBeVisible();
    await expect.element(page.getByRole('list', { name: 'Rows to look at' })).toHaveTextContent('row 4');
    expect(await store.count('person')).toBe(0);

    await userEvent.click(page.getByRole('button', { name: 'Import', exact: true }));
    await expect.element(page.getByText('Imported 2 records.')).toBeVisible();
    expect(await store.count('person')).toBe(2);

    await userEvent.click(page.getByRole('button', { name: 'Undo this import' }));
    await expect.element(page.getByText('Import undone: 2 removed, 0 restored.').first()).toBeVisible();
    expect(await store.count('person')).toBe(0);
  });

  it('says why a file could not be read, and offers no check', async () => {
    const previewImport = controlled<[readonly ImportFileInput[]], ImportFilePreview[]>();
    const { services } = await createTestServices({ imports: { previewImport: previewImport.fn } });
    await mount('locket-import-settings', { services });
    await userEvent.upload(chooser(), csv('contacts.csv', CONTACTS));
    await expect.element(chooser()).toBeDisabled();
    await expect.poll(() => previewImport.calls.length).toBe(1);
    previewImport.calls[0]!.reject(new Error('The worker stopped.'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The worker stopped.');
    await expect.element(chooser()).toBeEnabled();
    expect(page.getByRole('button', { name: 'Check' }).query()).toBeNull();
  });
});
