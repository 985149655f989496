import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Access, UnlockResult } from '../../core/vault/access';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import './locket-unlock';

const accessWith = (unlock: Access['unlock'], unlockWithRecoveryCode?: Access['unlockWithRecoveryCode']): Access =>
  fakeWith<Access>('access', { unlock, ...(unlockWithRecoveryCode ? { unlockWithRecoveryCode } : {}) });

describe('locket-unlock', () => {
  it('unlocks with the typed password and shows the refusal under the form', async () => {
    const unlock = controlled<[string], UnlockResult>();
    await mount('locket-unlock', { access: accessWith(unlock.fn) });
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'wrong horse');
    await userEvent.click(page.getByRole('button', { name: 'Unlock' }));

    expect(unlock.calls.map((call) => call.args)).toEqual([['wrong horse']]);
    await expect.element(page.getByRole('button', { name: 'Unlocking…' })).toBeDisabled();
    unlock.calls[0]!.resolve({ ok: false, error: { type: 'wrong-password' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Wrong password.');
    await expect.element(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  });

  it('unlocks on Enter in the password field, once however often Enter is pressed while it runs', async () => {
    const unlock = controlled<[string], UnlockResult>();
    await mount('locket-unlock', { access: accessWith(unlock.fn) });
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    expect(unlock.calls).toHaveLength(1);
  });

  it('with two-factor on, offers a recovery code instead of the key and unlocks with it', async () => {
    const unlock = controlled<[string], UnlockResult>();
    const withCode = controlled<[string, string], UnlockResult>();
    await mount('locket-unlock', { access: accessWith(unlock.fn, withCode.fn) }, { 'second-factor': '' });
    await expect.element(page.getByText('After your password, Locket asks for your security key.')).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Use a recovery code' }));
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.fill(page.getByLabelText('Recovery code'), 'ABCD-EFGH-JKLM-NP23');
    await userEvent.click(page.getByRole('button', { name: 'Unlock' }));

    expect(unlock.calls).toHaveLength(0);
    expect(withCode.calls.map((call) => call.args)).toEqual([['secret', 'ABCD-EFGH-JKLM-NP23']]);
  });

  it('has no recovery-code switch when two-factor is off', async () => {
    await mount('locket-unlock', { access: accessWith(controlled<[string], UnlockResult>().fn) });
    await expect.element(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Use a recovery code' }).query()).toBeNull();
  });

  it('says why when unlocking fails unexpectedly, and lets the owner try again', async () => {
    const unlock = controlled<[string], UnlockResult>();
    await mount('locket-unlock', { access: accessWith(unlock.fn) });
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Unlock' }));
    unlock.calls[0]!.reject(new Error('The vault could not be read.'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The vault could not be read.');
    await expect.element(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  });
});
