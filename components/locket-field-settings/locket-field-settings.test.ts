import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-field-settings';

const names = async (store: { getSettings: () => Promise<{ fieldDefinitions?: { person: readonly { name: string }[] } }> }) =>
  ((await store.getSettings()).fieldDefinitions?.person ?? []).map((definition) => definition.name);

describe('locket-field-settings', () => {
  it('adds typed fields, reorders, renames and deletes them after asking, saving the settings each time', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-field-settings', { services });
    await expect.element(page.getByText('No fields defined for this kind yet.')).toBeVisible();

    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Renewal');
    await userEvent.selectOptions(page.getByLabelText('Type'), 'Date');
    await userEvent.click(page.getByRole('button', { name: 'Add field' }));
    await expect.element(page.getByRole('list', { name: 'Fields of People' })).toHaveTextContent('Renewal');
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Tier');
    await userEvent.selectOptions(page.getByLabelText('Type'), 'List of choices');
    await userEvent.fill(page.getByLabelText('Choices'), 'Gold\nSilver');
    await userEvent.click(page.getByRole('checkbox', { name: 'Required' }));
    await userEvent.click(page.getByRole('button', { name: 'Add field' }));
    await expect.poll(() => names(store)).toEqual(['Renewal', 'Tier']);
    expect((await store.getSettings()).fieldDefinitions?.person[1]).toMatchObject({ type: 'choice', choices: ['Gold', 'Silver'], required: true });

    await userEvent.click(page.getByRole('button', { name: 'Move Tier up' }));
    await expect.poll(() => names(store)).toEqual(['Tier', 'Renewal']);

    await userEvent.click(page.getByRole('button', { name: 'Rename: Renewal' }));
    await userEvent.fill(page.getByLabelText('New name for Renewal'), 'Contract end');
    await userEvent.click(page.getByRole('button', { name: 'Save name' }));
    await expect.poll(() => names(store)).toEqual(['Tier', 'Contract end']);

    await userEvent.click(page.getByRole('button', { name: 'Delete Tier' }));
    await expect.element(page.getByText('Delete the field “Tier”? Records keep their values as plain custom fields; nothing is lost.')).toBeVisible();
    expect(await names(store)).toEqual(['Tier', 'Contract end']);
    await userEvent.click(page.getByRole('button', { name: 'Delete field' }));
    await expect.poll(() => names(store)).toEqual(['Contract end']);
  });

  it('refuses a name already taken beside the name, and keeps the fields of each kind apart', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-field-settings', { services });
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Renewal');
    await userEvent.click(page.getByRole('button', { name: 'Add field' }));
    await expect.poll(() => names(store)).toEqual(['Renewal']);
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), ' renewal ');
    await userEvent.click(page.getByRole('button', { name: 'Add field' }));
    await expect.element(page.getByLabelText('Name', { exact: true })).toHaveAccessibleDescription('There is already a field called renewal.');
    expect(await names(store)).toEqual(['Renewal']);

    await userEvent.selectOptions(page.getByLabelText('Fields for'), 'Opportunities');
    await expect.element(page.getByText('No fields defined for this kind yet.')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Renewal');
    await userEvent.click(page.getByRole('button', { name: 'Add field' }));
    await expect.poll(async () => (await store.getSettings()).fieldDefinitions?.opportunity.map((d) => d.name)).toEqual(['Renewal']);
  });
});
