import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import type { AccountManager } from '../../core/vault/account';
import type { SecurityServices } from '../../platform/page-services/services';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { listen, mount } from '../../test/elements/mount';
import { testKey } from '../../test/elements/test-services';
import type { RegisteredKey } from '../../core/vault/types';
import './locket-security-keys';

type AddKey = AccountManager['addKey'];
type RemoveKey = AccountManager['removeKey'];
const KEYS = { accountKey: new Uint8Array(32), factorSecret: null };

const mountKeys = async (keys: readonly RegisteredKey[], sessionKeys: SecurityServices['sessionKeys'] = async () => KEYS) => {
  const addKey = controlled<Parameters<AddKey>, Awaited<ReturnType<AddKey>>>();
  const removeKey = controlled<Parameters<RemoveKey>, Awaited<ReturnType<RemoveKey>>>();
  const security = fakeWith<SecurityServices>('security', {
    sessionKeys, account: fakeWith<AccountManager>('account', { addKey: addKey.fn, removeKey: removeKey.fn }),
  });
  await mount('locket-security-keys', { security, keys, userName: 'ada@example.com' });
  return { addKey, removeKey };
};

const addForm = () => page.getByRole('form', { name: 'Add a security key or passkey' });

describe('locket-security-keys', () => {
  it('adds a named key with the password, waits for the key meanwhile, and hands on the first recovery codes', async () => {
    const { addKey } = await mountKeys([]);
    const changed = listen('locket-vault-changed');
    await expect.element(page.getByText('No key yet. Add one to turn two-factor on.')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Key name'), ' Blue YubiKey ');
    await userEvent.fill(addForm().getByLabelText('Current password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Add key' }));

    await expect.element(page.getByRole('button', { name: 'Waiting for your key…' })).toBeDisabled();
    await expect.poll(() => addKey.calls.length).toBe(1);
    expect(addKey.calls[0]!.args.slice(1)).toEqual(['secret', ' Blue YubiKey ', 'ada@example.com', { recoveryCode: undefined, acceptWithoutPrf: false }]);
    addKey.calls[0]!.resolve({ ok: true, value: { recoveryCodes: ['AAAA-BBBB-CCCC-DDDD'] } } as Awaited<ReturnType<AddKey>>);
    await expect.element(page.getByRole('status')).toHaveTextContent('Added “Blue YubiKey”.');
    expect(changed.details).toEqual([{ recoveryCodes: ['AAAA-BBBB-CCCC-DDDD'] }]);
    await expect.element(page.getByLabelText('Key name')).toHaveValue('');
  });

  it('asks before adding a key without PRF, and adds it only when the owner says so', async () => {
    const { addKey } = await mountKeys([]);
    await userEvent.fill(page.getByLabelText('Key name'), 'Old key');
    await userEvent.fill(addForm().getByLabelText('Current password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Add key' }));
    await expect.poll(() => addKey.calls.length).toBe(1);
    addKey.calls[0]!.resolve({ ok: false, error: { prf: { type: 'weaker-key' } } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('This key has no PRF. While it is registered, your data can be opened with the password alone.');

    await userEvent.click(page.getByRole('button', { name: 'Add it anyway' }));
    await expect.poll(() => addKey.calls.length).toBe(2);
    expect(addKey.calls[1]!.args[4]).toEqual({ recoveryCode: undefined, acceptWithoutPrf: true });
  });

  it('refuses a malformed recovery code before any prompt, and says when the session is locked', async () => {
    let locked = false;
    const { addKey } = await mountKeys([testKey()], async () => (locked ? null : KEYS));
    await userEvent.fill(page.getByLabelText('Key name'), 'Second key');
    await userEvent.fill(addForm().getByLabelText('Recovery code instead of a key (optional)'), 'nope');
    await userEvent.click(page.getByRole('button', { name: 'Add key' }));
    await expect.element(addForm().getByRole('alert')).toHaveTextContent('A recovery code has 16 letters and digits');
    expect(addKey.calls).toHaveLength(0);

    locked = true;
    await userEvent.fill(addForm().getByLabelText('Recovery code instead of a key (optional)'), '');
    await userEvent.click(page.getByRole('button', { name: 'Add key' }));
    await expect.element(addForm().getByRole('alert')).toHaveTextContent('Locket is locked. Unlock it again to change your keys.');
    expect(addKey.calls).toHaveLength(0);
  });

  it('removes a key only after its own confirmation form, and warns when it is the last one', async () => {
    const { removeKey } = await mountKeys([testKey()]);
    const changed = listen('locket-vault-changed');
    expect(page.getByRole('form', { name: 'Remove Blue YubiKey' }).query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Remove Blue YubiKey' }));
    const form = page.getByRole('form', { name: 'Remove Blue YubiKey' });
    await expect.element(form.getByText('This is your only key', { exact: false })).toBeVisible();
    await userEvent.fill(form.getByLabelText('Current password', { exact: true }), 'wrong');
    await userEvent.click(form.getByRole('button', { name: 'Remove key' }));
    await expect.poll(() => removeKey.calls.length).toBe(1);
    expect(removeKey.calls[0]!.args.slice(1)).toEqual(['wrong', 'key-1', { recoveryCode: undefined, onProgress: expect.any(Function) }]);
    removeKey.calls[0]!.resolve({ ok: false, error: { [FORM_ERROR_KEY]: { type: 'wrong-password' } } });
    await expect.element(form.getByRole('alert')).toHaveTextContent('Wrong password.');
    expect(changed.events).toHaveLength(0);

    await userEvent.click(form.getByRole('button', { name: 'Remove key' }));
    await expect.poll(() => removeKey.calls.length).toBe(2);
    removeKey.calls[1]!.resolve({ ok: true, value: { recoveryCodes: null } } as Awaited<ReturnType<RemoveKey>>);
    await expect.element(page.getByRole('status')).toHaveTextContent('Removed “Blue YubiKey”.');
    expect(changed.details).toEqual([{ recoveryCodes: null }]);
  });

  it('labels every key by the weakest and warns about a copied key', async () => {
    await mountKeys([testKey(), testKey({ id: 'key-2', name: 'Laptop', prf: false, counterRegressionAt: 5 })]);
    await expect.element(page.getByRole('listitem', { name: 'Blue YubiKey' })).toHaveTextContent('Checked at unlock');
    await expect.element(page.getByRole('listitem', { name: 'Laptop' })).toHaveTextContent('it may have been copied');
    expect(page.getByText('Protects the data itself').query()).toBeNull();
  });
});
