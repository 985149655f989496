import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { AccountManager } from '../../core/vault/account';
import type { VaultRecord } from '../../core/vault/types';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices, testKey, testVault, vaultWithKeys } from '../../test/elements/test-services';
import './locket-security-settings';

type AddKey = AccountManager['addKey'];
type Regenerate = AccountManager['regenerateRecoveryCodes'];

const mountSettings = async (initial: VaultRecord) => {
  let vault = initial;
  const addKey = controlled<Parameters<AddKey>, Awaited<ReturnType<AddKey>>>();
  const regenerate = controlled<Parameters<Regenerate>, Awaited<ReturnType<Regenerate>>>();
  const { services } = await createTestServices({
    security: {
      vault: async () => vault,
      account: fakeWith<AccountManager>('account', { addKey: addKey.fn, regenerateRecoveryCodes: regenerate.fn }),
    },
  });
  await mount('locket-security-settings', { services });
  return { addKey, regenerate, setVault: (next: VaultRecord) => { vault = next; } };
};

describe('locket-security-settings', () => {
  it('says two-factor is off, then shows the first key\'s recovery codes once, until the owner saved them', async () => {
    const { addKey, setVault } = await mountSettings(testVault());
    await expect.element(page.getByText('Two-factor: off')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Key name'), 'Blue YubiKey');
    await userEvent.click(page.getByRole('button', { name: 'Add key' }));
    await expect.poll(() => addKey.calls.length).toBe(1);
    setVault(vaultWithKeys([testKey()]));
    addKey.calls[0]!.resolve({ ok: true, value: { recoveryCodes: ['AAAA-BBBB-CCCC-DDDD'] } } as Awaited<ReturnType<AddKey>>);

    await expect.element(page.getByRole('list', { name: 'Recovery codes' })).toHaveTextContent('AAAA-BBBB-CCCC-DDDD');
    await expect.element(page.getByText('Two-factor: on', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'New recovery codes' })).toBeDisabled();
    await userEvent.click(page.getByRole('button', { name: 'I have saved these codes' }));
    expect(page.getByRole('list', { name: 'Recovery codes' }).query()).toBeNull();
    await expect.element(page.getByRole('button', { name: 'New recovery codes' })).toBeEnabled();
  });

  it('replaces the recovery codes only after the owner confirms with the password', async () => {
    const { regenerate } = await mountSettings(vaultWithKeys([testKey()]));
    await userEvent.click(page.getByRole('button', { name: 'New recovery codes' }));
    const form = page.getByRole('form', { name: 'Replace recovery codes' });
    await expect.element(form).toHaveTextContent('Your current recovery codes will stop working, used or not.');
    await userEvent.click(form.getByRole('button', { name: 'Cancel' }));
    expect(regenerate.calls).toHaveLength(0);

    await userEvent.click(page.getByRole('button', { name: 'New recovery codes' }));
    await userEvent.fill(form.getByLabelText('Current password', { exact: true }), 'secret');
    await userEvent.click(page.getByRole('button', { name: 'Replace my recovery codes' }));
    await expect.poll(() => regenerate.calls.length).toBe(1);
    expect(regenerate.calls[0]!.args.slice(1)).toEqual(['secret', { recoveryCode: undefined, onProgress: expect.any(Function) }]);
    regenerate.calls[0]!.resolve({ ok: true, value: ['EEEE-FFFF-GGGG-HHHH'] } as Awaited<ReturnType<Regenerate>>);
    await expect.element(page.getByRole('list', { name: 'Recovery codes' })).toHaveTextContent('EEEE-FFFF-GGGG-HHHH');
  });
});
