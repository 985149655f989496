import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { AccountManager } from '../../core/vault/account';
import type { SecurityServices } from '../../platform/page-services/services';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { realPasswordPolicy } from '../../test/elements/test-services';
import './locket-change-password';

type Change = AccountManager['changePassword'];
const KEYS = { accountKey: new Uint8Array(32), factorSecret: null };

const mountChange = async (sessionKeys: SecurityServices['sessionKeys'] = async () => KEYS) => {
  const changePassword = controlled<Parameters<Change>, Awaited<ReturnType<Change>>>();
  const security = fakeWith<SecurityServices>('security', {
    sessionKeys, passwordPolicy: realPasswordPolicy, account: fakeWith<AccountManager>('account', { changePassword: changePassword.fn }),
  });
  await mount('locket-change-password', { security, owner: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  return changePassword;
};

const current = () => page.getByLabelText('Current password', { exact: true });
const next = () => page.getByLabelText('New password', { exact: true });

describe('locket-change-password', () => {
  it('changes the password, says so, and empties both fields', async () => {
    const change = await mountChange();
    await userEvent.fill(current(), 'old secret');
    await userEvent.fill(next(), 'correct horse battery staple lantern');
    await userEvent.click(page.getByRole('button', { name: 'Change password' }));
    await expect.element(page.getByRole('button', { name: 'Changing…' })).toBeDisabled();
    await expect.poll(() => change.calls.length).toBe(1);
    expect(change.calls[0]!.args.slice(1)).toEqual(['old secret', 'correct horse battery staple lantern', { name: 'Ada Lovelace', email: 'ada@example.com' }]);
    change.calls[0]!.resolve({ ok: true, value: undefined } as Awaited<ReturnType<Change>>);
    await expect.element(page.getByRole('status')).toHaveTextContent('Password changed.');
    await expect.element(current()).toHaveValue('');
    await expect.element(next()).toHaveValue('');
  });

  it('puts a refused current password under that field, not the new one', async () => {
    const change = await mountChange();
    await userEvent.fill(current(), 'wrong');
    await userEvent.fill(next(), 'correct horse battery staple lantern');
    await userEvent.click(page.getByRole('button', { name: 'Change password' }));
    await expect.poll(() => change.calls.length).toBe(1);
    change.calls[0]!.resolve({ ok: false, error: { currentPassword: { type: 'wrong-password' } } });
    await expect.element(current()).toHaveAccessibleDescription('Wrong password.');
    await expect.element(current()).toHaveAttribute('aria-invalid', 'true');
    await expect.element(next()).toHaveAttribute('aria-invalid', 'false');
    expect(page.getByRole('status').query()).toBeNull();
  });

  it('says when the session is locked or the change failed, and changes nothing', async () => {
    let locked = true;
    const change = await mountChange(async () => (locked ? null : KEYS));
    await userEvent.click(page.getByRole('button', { name: 'Change password' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Locket is locked. Unlock it again to change your password.');
    expect(change.calls).toHaveLength(0);

    locked = false;
    await userEvent.click(page.getByRole('button', { name: 'Change password' }));
    await expect.poll(() => change.calls.length).toBe(1);
    change.calls[0]!.reject(new Error('The vault could not be written.'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The password was not changed: The vault could not be written.');
  });
});
