import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-tracks-settings';

describe('locket-tracks-settings', () => {
  it('creates, edits and deletes a track, and refuses a step line it cannot read', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-tracks-settings', { services });
    await expect.element(page.getByText('No tracks yet.')).toBeVisible();

    await userEvent.fill(page.getByLabelText('Track name'), 'Onboarding');
    await userEvent.fill(page.getByLabelText('Steps'), '1 | call | Kick-off call\nsoon | email | Welcome pack');
    await userEvent.click(page.getByRole('button', { name: 'Add track' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('soon | email | Welcome pack');
    expect((await store.getSettings()).tracks ?? []).toEqual([]);

    await userEvent.fill(page.getByLabelText('Steps'), '1 | call | Kick-off call\n7 | email | Welcome pack');
    await userEvent.click(page.getByRole('button', { name: 'Add track' }));
    await expect.element(page.getByText('2 steps')).toBeVisible();
    expect((await store.getSettings()).tracks?.[0]).toMatchObject({
      name: 'Onboarding', steps: [{ offsetDays: 1, category: 'call', description: 'Kick-off call' }, { offsetDays: 7, category: 'email', description: 'Welcome pack' }],
    });

    await userEvent.click(page.getByRole('button', { name: 'Edit Onboarding' }));
    await userEvent.fill(page.getByLabelText('Track name'), 'Welcome');
    await userEvent.click(page.getByRole('button', { name: 'Save track' }));
    await expect.element(page.getByText('Welcome', { exact: true })).toBeVisible();
    expect((await store.getSettings()).tracks).toHaveLength(1);

    await userEvent.click(page.getByRole('button', { name: 'Delete Welcome' }));
    await expect.element(page.getByText('No tracks yet.')).toBeVisible();
  });
});
