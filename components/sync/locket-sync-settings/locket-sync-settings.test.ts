import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createManualClock } from '../../../core/clock';
import type { SyncPageServices } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync, testSyncDevice, testSyncStatus } from '../../../test/elements/sync-fakes';
import { TEST_START } from '../../../test/elements/test-services';
import './locket-sync-settings';

const mountSettings = async (fake = createFakeSync()) => {
  const clock = createManualClock(TEST_START);
  const element = await mount('locket-sync-settings', { services: fake.services, permissions: fake.permissions, clock });
  return { ...fake, element, clock };
};

describe('locket-sync-settings', () => {
  it('is off at first: offers to connect to a relay or to join with a code, and asks nothing yet', async () => {
    const { log } = await mountSettings();
    await expect.element(page.getByText('Sync is off')).toBeVisible();
    await expect.element(page.getByRole('form', { name: 'Connect to a relay' })).toBeVisible();
    await expect.element(page.getByRole('form', { name: 'Join with a code' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Add a device' }).query()).toBeNull();
    expect(log).toEqual([]);
  });

  it('follows the status as it changes: connected, waiting changes, removed', async () => {
    const { sendStatus } = await mountSettings();
    await expect.element(page.getByRole('form', { name: 'Connect to a relay' })).toBeVisible();
    const devices = [testSyncDevice({ name: 'Chrome on Linux' })];
    sendStatus(testSyncStatus({ state: 'connected', relayUrl: 'https://relay.example.com', lastSyncedAt: TEST_START, waiting: 2, devices }));
    const summary = page.getByLabelText('Sync status');
    await expect.element(summary).toHaveTextContent('Waiting to send 2 changes');
    await expect.element(summary).toHaveTextContent('Last synced just now');
    await expect.element(page.getByRole('button', { name: 'Add a device' })).toBeVisible();
    expect(page.getByRole('form', { name: 'Connect to a relay' }).query()).toBeNull();

    sendStatus(testSyncStatus({ state: 'connected', relayUrl: 'https://relay.example.com', lastSyncedAt: TEST_START, waiting: 0, devices }));
    await expect.element(summary).toHaveTextContent('Waiting to send Nothing');

    sendStatus(testSyncStatus({ state: 'removed', relayUrl: 'https://relay.example.com', devices, problem: { type: 'removed' } }));
    await expect.element(summary).toHaveTextContent('Removed from the account');
    await expect.element(page.getByRole('alert')).toHaveTextContent('This device was removed from the account on another device.');
    expect(page.getByRole('button', { name: 'Add a device' }).query()).toBeNull();
  });

  it('shows the status it reads first, and a later watched status over it', async () => {
    const first = testSyncStatus({ state: 'offline', relayUrl: 'https://relay.example.com', waiting: 4 });
    const fake = createFakeSync({ status: async () => first });
    await mountSettings(fake);
    const summary = page.getByLabelText('Sync status');
    await expect.element(summary).toHaveTextContent('Waiting to send 4 changes');
    fake.sendStatus({ ...first, state: 'connected', waiting: 0 });
    await expect.element(summary).toHaveTextContent('Status Connected');
  });

  it('says when the status cannot be read', async () => {
    await mountSettings(createFakeSync({ status: async () => { throw new Error('The sync worker did not start.'); } }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Sync’s status could not be read: The sync worker did not start.');
  });

  it('keeps the connect form and its refusal on screen while the status moves on during the attempt', async () => {
    const connect = controlled<Parameters<SyncPageServices['connect']>, Awaited<ReturnType<SyncPageServices['connect']>>>();
    const { sendStatus } = await mountSettings(createFakeSync({ connect: connect.fn }));
    const form = page.getByRole('form', { name: 'Connect to a relay' });
    await userEvent.fill(form.getByLabelText('Relay address'), 'https://relay.example.com');
    await userEvent.click(form.getByRole('button', { name: 'Connect' }));
    await expect.poll(() => connect.calls.length).toBe(1);
    sendStatus(testSyncStatus({ state: 'connecting', relayUrl: 'https://relay.example.com' }));
    sendStatus(testSyncStatus({ state: 'off' }));
    connect.calls[0]!.resolve({ ok: false, error: { type: 'version' } });
    await expect.element(form.getByRole('alert')).toHaveTextContent('This relay speaks another version of the sync protocol.');
    await expect.element(form.getByLabelText('Relay address')).toHaveValue('https://relay.example.com');

    await userEvent.click(form.getByRole('button', { name: 'Connect' }));
    await expect.poll(() => connect.calls.length).toBe(2);
    sendStatus(testSyncStatus({ state: 'connecting', relayUrl: 'https://relay.example.com' }));
    await expect.element(form).toBeVisible();
    connect.calls[1]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByLabelText('Sync status')).toHaveTextContent('Status Connecting…');
  });

  it('tells times from when each status arrived', async () => {
    const { sendStatus, clock } = await mountSettings();
    await expect.element(page.getByRole('form', { name: 'Connect to a relay' })).toBeVisible();
    clock.advance(10 * 60_000);
    sendStatus(testSyncStatus({ state: 'connected', relayUrl: 'https://relay.example.com', lastSyncedAt: clock.now() - 5 * 60_000 }));
    await expect.element(page.getByLabelText('Sync status')).toHaveTextContent('Last synced 5 minutes ago');
  });
});
