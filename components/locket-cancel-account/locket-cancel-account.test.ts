import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Result } from '../../core/result';
import type { CancellationRefusal } from '../../core/vault/access-refusals';
import { controlled } from '../../test/elements/fakes';
import { expectFocusOn, listen, mount } from '../../test/elements/mount';
import { createTestServices, testKey, vaultWithKeys } from '../../test/elements/test-services';
import './locket-cancel-account';

type CancelResult = Result<{ readonly cancelledAt: number }, CancellationRefusal>;

const mountCancel = async (twoFactor = false) => {
  const cancelAccount = controlled<[string], CancelResult>();
  const { services } = await createTestServices({
    security: { cancelAccount: cancelAccount.fn, ...(twoFactor ? { vault: async () => vaultWithKeys([testKey()]) } : {}) },
  });
  await mount('locket-cancel-account', { services });
  return cancelAccount;
};

describe('locket-cancel-account', () => {
  it('asks for the password before cancelling, and cancels nothing when the owner keeps the account', async () => {
    const cancel = await mountCancel();
    expect(page.getByRole('form', { name: 'Cancel account' }).query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Cancel account…' }));
    await expectFocusOn(() => page.getByLabelText('Current password', { exact: true }).element());
    await userEvent.click(page.getByRole('button', { name: 'Keep my account' }));
    expect(page.getByRole('form', { name: 'Cancel account' }).query()).toBeNull();
    expect(cancel.calls).toHaveLength(0);
  });

  it('cancels with the password, busy meanwhile, and announces when', async () => {
    const cancel = await mountCancel();
    const cancelled = listen('locket-account-cancelled');
    await userEvent.click(page.getByRole('button', { name: 'Cancel account…' }));
    await userEvent.fill(page.getByLabelText('Current password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Cancel my account' }));

    await expect.element(page.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Keep my account' })).toBeDisabled();
    expect(cancel.calls[0]!.args).toEqual(['secret']);
    cancel.calls[0]!.resolve({ ok: true, value: { cancelledAt: 1234 } });
    await expect.element(page.getByRole('button', { name: 'Cancel account…' })).toBeVisible();
    expect(cancelled.details).toEqual([{ cancelledAt: 1234 }]);
  });

  it('shows a refusal in the form and a thrown failure with what did not happen', async () => {
    const cancel = await mountCancel();
    const cancelled = listen('locket-account-cancelled');
    await userEvent.click(page.getByRole('button', { name: 'Cancel account…' }));
    await userEvent.fill(page.getByLabelText('Current password', { exact: true }), 'wrong');
    await userEvent.click(page.getByRole('button', { name: 'Cancel my account' }));
    cancel.calls[0]!.resolve({ ok: false, error: { type: 'wrong-password' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Wrong password.');

    await userEvent.click(page.getByRole('button', { name: 'Cancel my account' }));
    cancel.calls[1]!.reject(new Error('The security key prompt was closed.'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The account was not cancelled: The security key prompt was closed.');
    expect(cancelled.events).toHaveLength(0);
  });

  it('names the security key when two-factor is on', async () => {
    await mountCancel(true);
    await userEvent.click(page.getByRole('button', { name: 'Cancel account…' }));
    await expect.element(page.getByText('Confirm with your password, then your security key.', { exact: false })).toBeVisible();
  });
});
