import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Result } from '../../core/result';
import type { CancellationRefusal } from '../../core/vault/access-refusals';
import type { AccountCancellation, CancellationStatus } from '../../core/account/account-cancellation';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { expectFocusOn, listen, mount } from '../../test/elements/mount';
import './locket-cancelled';

const DAY = 86_400_000;
const status = (overrides: Partial<CancellationStatus> = {}): CancellationStatus =>
  ({ cancelledAt: Date.UTC(2026, 0, 1), deletionDueAt: Date.UTC(2026, 0, 15), daysLeft: 3, expired: false, ...overrides });

const mountCancelled = async (current: CancellationStatus, attributes: Record<string, string> = {}) => {
  const restore = controlled<[string, string | undefined], Result<void, CancellationRefusal>>();
  await mount('locket-cancelled', { status: current, cancellation: fakeWith<AccountCancellation>('cancellation', { restore: restore.fn }) }, attributes);
  return restore;
};

describe('locket-cancelled', () => {
  it('says when the account will be deleted and restores it with the password', async () => {
    const restore = await mountCancelled(status());
    const restored = listen('locket-account-restored');
    await expect.element(page.getByText('(3 days left)', { exact: false })).toBeVisible();
    await expectFocusOn(() => page.getByLabelText('Password', { exact: true }).element());
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Restore account' }));
    await expect.element(page.getByRole('button', { name: 'Restoring…' })).toBeDisabled();
    expect(restore.calls[0]!.args).toEqual(['secret', undefined]);
    restore.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByRole('button', { name: 'Restore account' })).toBeEnabled();
    expect(restored.events).toHaveLength(1);
  });

  it('shows a refusal and stays', async () => {
    const restore = await mountCancelled(status());
    const restored = listen('locket-account-restored');
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'wrong');
    await userEvent.click(page.getByRole('button', { name: 'Restore account' }));
    restore.calls[0]!.resolve({ ok: false, error: { type: 'wrong-password' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Wrong password.');
    restore.calls.length = 0;
    await userEvent.click(page.getByRole('button', { name: 'Restore account' }));
    restore.calls[0]!.reject(new Error('disk on fire'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The account was not restored: disk on fire');
    expect(restored.events).toHaveLength(0);
  });

  it('takes a recovery code instead of the key when two-factor is on', async () => {
    const restore = await mountCancelled(status(), { 'second-factor': '' });
    await userEvent.click(page.getByRole('button', { name: 'Use a recovery code' }));
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.fill(page.getByLabelText('Recovery code'), 'ABCD-EFGH-JKLM-NP23');
    await userEvent.click(page.getByRole('button', { name: 'Restore account' }));
    expect(restore.calls[0]!.args).toEqual(['secret', 'ABCD-EFGH-JKLM-NP23']);
  });

  it('offers no restore once the 14 days have passed', async () => {
    await mountCancelled(status({ daysLeft: 0, expired: true, deletionDueAt: Date.UTC(2026, 0, 1) + 14 * DAY }));
    await expect.element(page.getByText('The 14 days to restore it have passed.', { exact: false })).toBeVisible();
    expect(page.getByRole('button', { name: 'Restore account' }).query()).toBeNull();
  });
});
