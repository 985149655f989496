import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { storageFullError } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import type { SyncStatusView } from '../../core/sync/ports';
import { testSyncStatus } from '../../test/elements/sync-fakes';
import { createFakeTeam, testTeamView } from '../../test/elements/team-fakes';
import { createTestServices } from '../../test/elements/test-services';
import './locket-options';

const general = () => page.getByRole('form', { name: 'General settings' });

describe('locket-options', () => {
  it('lists every section in the nav and saves the general settings', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-options', { services });
    for (const title of ['General', 'Security', 'Backup', 'Retention', 'Audit log', 'Danger zone']) {
      await expect.element(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    await userEvent.fill(general().getByLabelText('Owner’s name'), 'Ada Lovelace');
    await userEvent.fill(general().getByLabelText('Default currency'), 'GBP');
    await userEvent.click(page.getByRole('button', { name: 'Save settings' }));
    await expect.element(general().getByRole('status')).toHaveTextContent('Settings saved.');
    expect(await store.getSettings()).toMatchObject({ ownerName: 'Ada Lovelace', defaultCurrency: 'GBP' });
  });

  it('shows a refused currency beside its field and saves nothing', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-options', { services });
    const before = await store.getSettings();
    await userEvent.fill(general().getByLabelText('Default currency'), 'pounds');
    await userEvent.click(page.getByRole('button', { name: 'Save settings' }));
    await expect.element(general().getByLabelText('Default currency')).toHaveAttribute('aria-invalid', 'true');
    expect(general().getByRole('status').query()).toBeNull();
    expect(await store.getSettings()).toEqual(before);
  });

  it('keeps what was typed when the disk is full', async () => {
    const { services } = await createTestServices({ store: () => ({ saveSettings: async () => { throw storageFullError(); } }) });
    await mount('locket-options', { services });
    await userEvent.fill(general().getByLabelText('Owner’s name'), 'Ada Lovelace');
    await userEvent.click(page.getByRole('button', { name: 'Save settings' }));
    await expect.element(general().getByRole('alert')).toHaveTextContent('This device has no room left for Locket’s data.');
    await expect.element(general().getByLabelText('Owner’s name')).toHaveValue('Ada Lovelace');
  });

  it('shows settings changed elsewhere', async () => {
    const { services, store } = await createTestServices();
    await mount('locket-options', { services });
    await expect.element(general()).toBeVisible();
    await store.saveSettings({ ownerName: 'Grace Hopper' });
    await expect.element(general().getByLabelText('Owner’s name')).toHaveValue('Grace Hopper');
  });

  it('has a Sync section, off until the owner connects', async () => {
    const { services } = await createTestServices();
    await mount('locket-options', { services });
    await expect.element(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Sync', exact: true })).toBeVisible();
    const sync = page.getByRole('region', { name: 'Sync', exact: true });
    await expect.element(sync.getByText('Sync is off')).toBeVisible();
    await expect.element(sync.getByRole('form', { name: 'Connect to a relay' })).toBeVisible();
  });

  it('offers no Team section and no join where no team worker runs behind the page', async () => {
    const { services } = await createTestServices();
    await mount('locket-options', { services });
    await expect.element(page.getByRole('region', { name: 'Sync', exact: true }).getByRole('form', { name: 'Connect to a relay' })).toBeVisible();
    expect(page.getByRole('link', { name: 'Team', exact: true }).query()).toBeNull();
    expect(page.getByRole('form', { name: 'Join a team' }).query()).toBeNull();
  });

  it('offers to join a team on the Sync section while this device is in none, and no Team section', async () => {
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: null }) });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-options', { services });
    await expect.element(page.getByRole('region', { name: 'Sync', exact: true }).getByRole('form', { name: 'Join a team' })).toBeVisible();
    expect(page.getByRole('link', { name: 'Team', exact: true }).query()).toBeNull();
  });

  it('shows the Team section and the members in Users once this device is in a team, and reads the team again after an act', async () => {
    let reads = 0;
    const { services: team, log } = createFakeTeam({ teamView: async () => { reads++; return { ok: true, value: testTeamView() }; } });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-options', { services });
    await expect.element(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Team', exact: true })).toBeVisible();
    const region = page.getByRole('region', { name: 'Team', exact: true });
    await expect.element(region.getByRole('table', { name: 'Members of the team' })).toHaveTextContent('Bob Builder');
    await expect.element(page.getByRole('region', { name: 'Users', exact: true }).getByRole('table', { name: 'Members of the team' }))
      .toHaveTextContent('Off reported by their device');
    expect(page.getByRole('form', { name: 'Join a team' }).query()).toBeNull();
    const before = reads;
    await userEvent.click(region.getByRole('button', { name: 'Remove Bob Builder' }));
    await userEvent.click(region.getByRole('button', { name: 'Remove from the team' }));
    await expect.poll(() => log).toEqual(['remove member-bob']);
    await expect.poll(() => reads).toBe(before + 1);
  });

  it('brings the Team section in when sync connects, without a reload', async () => {
    let inTeam = false;
    const watchers: ((status: SyncStatusView) => void)[] = [];
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: inTeam ? testTeamView() : null }) });
    const { services } = await createTestServices({
      services: { team },
      sync: { watch: (listener) => { watchers.push(listener); return () => undefined; } },
    });
    await mount('locket-options', { services });
    await expect.element(page.getByRole('form', { name: 'Join a team' })).toBeVisible();
    inTeam = true;
    for (const watcher of watchers) watcher(testSyncStatus({ state: 'connected', relayUrl: 'https://relay.example.com' }));
    await expect.element(page.getByRole('region', { name: 'Team', exact: true }).getByRole('table', { name: 'Members of the team' })).toBeVisible();
    expect(page.getByRole('form', { name: 'Join a team' }).query()).toBeNull();
  });

  it('keeps what the sections after Team hold when the Team section comes in', async () => {
    let inTeam = false;
    const watchers: ((status: SyncStatusView) => void)[] = [];
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: inTeam ? testTeamView() : null }) });
    const { services } = await createTestServices({
      services: { team },
      sync: { watch: (listener) => { watchers.push(listener); return () => undefined; } },
    });
    await mount('locket-options', { services });
    const relay = page.getByRole('region', { name: 'Sync', exact: true }).getByRole('form', { name: 'Connect to a relay' }).getByLabelText('Relay address');
    await userEvent.fill(relay, 'https://relay.example.com');
    // Any status change reads the team again; this one leaves the Sync section's form on screen.
    inTeam = true;
    for (const watcher of watchers) watcher(testSyncStatus({ state: 'off' }));
    await expect.element(page.getByRole('region', { name: 'Team', exact: true }).getByRole('table', { name: 'Members of the team' })).toBeVisible();
    await expect.element(relay).toHaveValue('https://relay.example.com');
  });

  it('tells a member held by the team’s two-factor rule why, in the Team section', async () => {
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: false, error: { type: 'two-factor-required' } }) });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-options', { services });
    await expect.element(page.getByRole('region', { name: 'Team', exact: true }).getByRole('alert'))
      .toHaveTextContent('Your team requires a security key. Confirm with your security key to continue; nothing syncs until then.');
  });
  it('hides Export and backup download from a member without the export right, and says an admin can give it', async () => {
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: testTeamView({ myRole: 'standard', canExport: false }) }) });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-options', { services });
    const exportSection = page.getByRole('region', { name: 'Export', exact: true });
    const backupSection = page.getByRole('region', { name: 'Backup', exact: true });
    const sentence = 'You do not have the right to export or download backups. An admin can give you the right in the Team section.';
    await expect.element(exportSection.getByText(sentence)).toBeVisible();
    await expect.element(backupSection.getByText(sentence)).toBeVisible();
    expect(exportSection.getByRole('button', { name: 'Export' }).query()).toBeNull();
    expect(backupSection.getByRole('form', { name: 'Download backup' }).query()).toBeNull();
    await expect.element(backupSection.getByRole('form', { name: 'Restore backup' })).toBeVisible();
  });

  it('keeps Export and backup download for a member given the export right', async () => {
    const { services: team } = createFakeTeam({ teamView: async () => ({ ok: true, value: testTeamView({ myRole: 'standard', canExport: true }) }) });
    const { services } = await createTestServices({ services: { team } });
    await mount('locket-options', { services });
    await expect.element(page.getByRole('region', { name: 'Team', exact: true }).getByRole('table', { name: 'Members of the team' })).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Export', exact: true }).getByRole('button', { name: 'Export' })).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Backup', exact: true }).getByRole('form', { name: 'Download backup' })).toBeVisible();
    expect(page.getByText('An admin can give you the right', { exact: false }).query()).toBeNull();
  });
});
