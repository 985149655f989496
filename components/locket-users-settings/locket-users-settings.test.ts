import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { testMember, testOwner, testTeamView } from '../../test/elements/team-fakes';
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

  it('lists every member of the team with role, export right, devices, last seen and whose word their two-factor status is', async () => {
    const { services } = await createTestServices();
    const team = testTeamView({
      requireTwoFactor: true,
      members: [
        testOwner(),
        testMember({ devices: [{ id: 'd1', name: 'Firefox on Windows', pending: false, lastSeenAt: null }, { id: 'd2', name: 'Phone', pending: true, lastSeenAt: null }], lastSeenAt: null }),
        testMember({ member: 'member-rita', name: 'Rita Reader', role: 'read-only', canExport: true, twoFactor: { enabled: true, source: 'member' } }),
        testMember({ member: 'member-gone', name: 'Gone Member', status: 'removed' }),
      ],
    });
    await mount('locket-users-settings', { services, team });
    const table = page.getByRole('table', { name: 'Members of the team' });
    await expect.element(table.getByRole('row', { name: /Ada Lovelace \(you\)/ })).toHaveTextContent(/Owner May export Chrome on Linux .+ On verified by the relay/);
    await expect.element(table.getByRole('row', { name: /Bob Builder/ }))
      .toHaveTextContent('bob@example.com Standard No export Firefox on Windows Phone (waiting for confirmation) Never Off reported by their device');
    await expect.element(table.getByRole('row', { name: /Rita Reader/ })).toHaveTextContent(/Read-only May export .+ On reported by their device/);
    expect(table.getByRole('row', { name: /Gone Member/ }).query()).toBeNull();
    await expect.element(page.getByText('The owner requires two-factor for every member.')).toBeVisible();
    expect(page.getByRole('table', { name: 'Users who can open Locket on this device' }).query()).toBeNull();
  });
});
