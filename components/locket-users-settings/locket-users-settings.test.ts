import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices, testKey, vaultWithKeys } from '../../test/elements/test-services';
import './locket-users-settings';

describe('locket-users-settings', () => {
  it('shows the owner with two-factor off', async () => {
    const { services, store } = await createTestServices();
    await store.saveSettings({ ownerName: 'Ada Lovelace', ownerEmail: 'ada@example.com' });
    await mount('locket-users-settings', { services });
    const table = page.getByRole('table', { name: 'Users who can open Locket on this device' });
    await expect.element(table).toHaveTextContent('Ada Lovelace');
    await expect.element(table).toHaveTextContent('ada@example.com');
    await expect.element(table.getByRole('cell', { name: 'Off' })).toBeVisible();
  });

  it('reads again when told the vault changed', async () => {
    let keys = 0;
    const { services } = await createTestServices({
      security: { vault: async () => vaultWithKeys(Array.from({ length: keys }, (_, index) => testKey({ id: `k${index}` }))) },
    });
    const users = await mount('locket-users-settings', { services });
    await expect.element(page.getByRole('cell', { name: 'Off' })).toBeVisible();
    keys = 2;
    users.revision = 1;
    await expect.element(page.getByRole('cell', { name: 'On (2 keys)' })).toBeVisible();
  });
});
