import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { readRetentionPolicy } from '../../core/retention/policy';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-retention-settings';

describe('locket-retention-settings', () => {
  it('says what Locket keeps and changes how long login history is kept', async () => {
    const { services, db } = await createTestServices();
    await mount('locket-retention-settings', { services });
    const kept = page.getByRole('list', { name: 'What Locket keeps' });
    await expect.element(kept).toHaveTextContent('Login history is kept for 90 days.');
    await userEvent.selectOptions(page.getByLabelText('Keep login history for'), '30 days');
    await expect.element(page.getByRole('status').filter({ hasText: 'Login history is now kept for 30 days.' })).toBeVisible();
    await expect.element(kept).toHaveTextContent('Login history is kept for 30 days.');
    expect((await readRetentionPolicy(db)).loginDays).toBe(30);
  });

  it('says when the choices could not be read', async () => {
    const { services } = await createTestServices({ retention: { readPolicy: async () => { throw new Error('the database is closed'); } } });
    await mount('locket-retention-settings', { services });
    await expect.element(page.getByText('The retention choices could not be read: the database is closed')).toBeVisible();
  });
});
