import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SyncPageServices, SyncStatusView } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync, testSyncDevice, testSyncStatus } from '../../../test/elements/sync-fakes';
import { TEST_START } from '../../../test/elements/test-services';
import { intlLocale } from '../../shared/i18n/locale';
import './locket-sync-status';

type Remove = SyncPageServices['removeDevice'];
type SyncNow = SyncPageServices['syncNow'];

const CONNECTED = testSyncStatus({
  state: 'connected', relayUrl: 'https://relay.example.com', lastSyncedAt: TEST_START - 5 * 60_000, waiting: 3,
  devices: [
    testSyncDevice({ id: 'here', name: 'Chrome on Linux', thisDevice: true }),
    testSyncDevice({ id: 'phone', name: 'Work laptop', thisDevice: false, lastSeenAt: TEST_START - 2 * 3_600_000 }),
  ],
});

const mountStatus = async (status: SyncStatusView = CONNECTED) => {
  const removeDevice = controlled<Parameters<Remove>, Awaited<ReturnType<Remove>>>();
  const syncNow = controlled<Parameters<SyncNow>, Awaited<ReturnType<SyncNow>>>();
  let disconnected = 0;
  const { services } = createFakeSync({ removeDevice: removeDevice.fn, syncNow: syncNow.fn, disconnect: async () => { disconnected++; } });
  const element = await mount('locket-sync-status', { services, status, now: TEST_START });
  return { element, removeDevice, syncNow, disconnected: () => disconnected };
};

describe('locket-sync-status', () => {
  it('shows the state, the relay, when it last synced, what waits, and each device with when it was last seen', async () => {
    const { element } = await mountStatus();
    const summary = page.getByLabelText('Sync status');
    await expect.element(summary).toHaveTextContent('Status Connected');
    await expect.element(summary).toHaveTextContent('Relay https://relay.example.com');
    await expect.element(summary).toHaveTextContent('Last synced 5 minutes ago');
    await expect.element(summary).toHaveTextContent('Waiting to send 3 changes');
    const here = page.getByRole('listitem', { name: 'Chrome on Linux' });
    await expect.element(here).toHaveTextContent('This device');
    expect(here.getByRole('button').query()).toBeNull();
    await expect.element(page.getByRole('listitem', { name: 'Work laptop' })).toHaveTextContent('Last seen 2 hours ago');

    element.status = testSyncStatus({ ...CONNECTED, state: 'offline', waiting: 1, problem: { type: 'relay-unreachable' } });
    await expect.element(summary).toHaveTextContent('Offline');
    await expect.element(summary).toHaveTextContent('Waiting to send 1 change');
    await expect.element(page.getByRole('alert')).toHaveTextContent('The relay did not answer.');
  });

  it('says when the relay asked to slow down and at what time Locket tries again', async () => {
    const retryAt = new Date(TEST_START + 3_600_000).setSeconds(0, 0);
    const at = new Intl.DateTimeFormat(intlLocale(), { timeStyle: 'short' }).format(retryAt);
    await mountStatus(testSyncStatus({ ...CONNECTED, state: 'offline', problem: { type: 'slowed', retryAt } }));
    await expect.element(page.getByRole('alert')).toHaveTextContent(`The relay asked us to slow down; Locket will try again at ${at}.`);
    await expect.element(page.getByLabelText('Sync status')).toHaveTextContent('Waiting to send 3 changes');
  });

  it('removes another device only after the owner confirms, and shows a refusal beside it', async () => {
    const { removeDevice } = await mountStatus();
    await userEvent.click(page.getByRole('button', { name: 'Remove Work laptop' }));
    const confirm = page.getByRole('group', { name: 'Remove Work laptop?' });
    await expect.element(confirm).toHaveTextContent('It stops receiving and sending changes at once.');
    expect(removeDevice.calls).toHaveLength(0);
    await userEvent.click(confirm.getByRole('button', { name: 'Keep it' }));
    expect(confirm.query()).toBeNull();
    expect(removeDevice.calls).toHaveLength(0);

    await userEvent.click(page.getByRole('button', { name: 'Remove Work laptop' }));
    await userEvent.click(page.getByRole('button', { name: 'Remove it' }));
    expect(removeDevice.calls.map((call) => call.args)).toEqual([['phone']]);
    removeDevice.calls[0]!.resolve({ ok: false, error: { type: 'relay-unreachable' } });
    await expect.element(page.getByRole('listitem', { name: 'Work laptop' }).getByRole('alert')).toHaveTextContent('The relay did not answer.');

    await userEvent.click(page.getByRole('button', { name: 'Remove it' }));
    removeDevice.calls[1]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByRole('group', { name: 'Remove Work laptop?' })).not.toBeInTheDocument();
  });

  it('offers to remove no device once this one was removed: it can no longer speak for the account', async () => {
    await mountStatus(testSyncStatus({ ...CONNECTED, state: 'removed', problem: { type: 'removed' } }));
    await expect.element(page.getByLabelText('Sync status')).toHaveTextContent('Removed from the account');
    await expect.element(page.getByRole('listitem', { name: 'Work laptop' })).toHaveTextContent('Last seen 2 hours ago');
    expect(page.getByRole('button', { name: 'Remove Work laptop' }).query()).toBeNull();
  });

  it('disconnects only after saying the records stay', async () => {
    const { disconnected } = await mountStatus();
    await userEvent.click(page.getByRole('button', { name: 'Disconnect' }));
    await expect.element(page.getByRole('group', { name: 'Disconnect this device?' })).toHaveTextContent('Every record stays on this device');
    expect(disconnected()).toBe(0);
    await userEvent.click(page.getByRole('button', { name: 'Disconnect this device' }));
    await expect.poll(disconnected).toBe(1);
  });

  it('syncs now, and says why it could not beside the button', async () => {
    const { syncNow } = await mountStatus();
    await userEvent.click(page.getByRole('button', { name: 'Sync now' }));
    await expect.element(page.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
    syncNow.calls[0]!.resolve({ ok: false, error: { type: 'locked' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Locket is locked. Unlock it to sync.');
    await userEvent.click(page.getByRole('button', { name: 'Sync now' }));
    expect(page.getByRole('alert').query()).toBeNull();
    syncNow.calls[1]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByRole('status')).toHaveTextContent('Synced.');
  });
});

describe('locket-sync-status under the team’s two-factor rule', () => {
  type Confirm = SyncPageServices['confirmTwoFactor'];
  const mountHeld = async (problem: SyncStatusView['problem']) => {
    const confirmTwoFactor = controlled<Parameters<Confirm>, Awaited<ReturnType<Confirm>>>();
    const { services } = createFakeSync({ confirmTwoFactor: confirmTwoFactor.fn });
    const element = await mount('locket-sync-status', { services, status: testSyncStatus({ ...CONNECTED, state: 'offline', problem }), now: TEST_START });
    return { element, confirmTwoFactor };
  };

  it('offers to add a security key to a member without one, and shows why the key prompt stopped', async () => {
    const { confirmTwoFactor } = await mountHeld({ type: 'two-factor-not-registered' });
    await userEvent.click(page.getByRole('button', { name: 'Add a security key' }));
    expect(confirmTwoFactor.calls).toHaveLength(1);
    await expect.element(page.getByRole('button', { name: 'Waiting for your security key…' })).toBeDisabled();
    confirmTwoFactor.calls[0]!.resolve({ ok: false, error: { type: 'security-key', prompt: { code: 'cancelled', detail: null } } });
    await expect.element(page.getByRole('button', { name: 'Add a security key' })).toBeEnabled();
    await expect.element(page.getByText('The security key request was cancelled or timed out. Please try again.')).toHaveRole('alert');
  });

  it('asks a member with a key to confirm with it; once confirmed, the resumed status shows no button', async () => {
    const { element, confirmTwoFactor } = await mountHeld({ type: 'two-factor-required' });
    await userEvent.click(page.getByRole('button', { name: 'Confirm with your security key' }));
    confirmTwoFactor.calls[0]!.resolve({ ok: true, value: undefined });
    element.status = CONNECTED;
    await expect.element(page.getByRole('button', { name: 'Confirm with your security key' })).not.toBeInTheDocument();
    expect(page.getByRole('alert').query()).toBeNull();
  });

  it('offers no security key button for other problems', async () => {
    await mountHeld({ type: 'relay-unreachable' });
    expect(page.getByRole('button', { name: /security key/ }).query()).toBeNull();
  });
});
