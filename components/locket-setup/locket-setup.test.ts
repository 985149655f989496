import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import type { AccountManager } from '../../core/vault/account';
import { controlled, fakeWith } from '../../test/elements/fakes';
import { listen, mount } from '../../test/elements/mount';
import { realPasswordPolicy } from '../../test/elements/test-services';
import './locket-setup';

type Create = AccountManager['create'];
type CreateResult = Awaited<ReturnType<Create>>;

const mountSetup = async () => {
  const create = controlled<Parameters<Create>, CreateResult>();
  await mount('locket-setup', { account: fakeWith<AccountManager>('account', { create: create.fn }), policy: realPasswordPolicy });
  return create;
};

const fillIn = async (password: string) => {
  await userEvent.fill(page.getByLabelText('Your name'), 'Ada Lovelace');
  await userEvent.fill(page.getByLabelText('Email'), 'ada@example.com');
  await userEvent.fill(page.getByLabelText('Password', { exact: true }), password);
};

describe('locket-setup', () => {
  it('creates the account with the details typed and announces it with the owner', async () => {
    const create = await mountSetup();
    const created = listen('locket-account-created');
    await fillIn('correct horse battery staple lantern');
    await userEvent.click(page.getByRole('button', { name: 'Create account' }));

    await expect.element(page.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    expect(create.calls[0]!.args).toEqual([{ name: 'Ada Lovelace', email: 'ada@example.com' }, 'correct horse battery staple lantern']);
    create.calls[0]!.resolve({ ok: true, value: { owner: { name: 'Ada Lovelace', email: 'ada@example.com' }, keys: { accountKey: new Uint8Array(32), factorSecret: null } } });
    await expect.element(page.getByRole('button', { name: 'Create account' })).toBeEnabled();
    expect(created.details).toEqual([{ name: 'Ada Lovelace', email: 'ada@example.com' }]);
  });

  it('shows each refusal beside its own field and announces nothing', async () => {
    const create = await mountSetup();
    const created = listen('locket-account-created');
    await fillIn('correct horse battery staple lantern');
    await userEvent.click(page.getByRole('button', { name: 'Create account' }));
    create.calls[0]!.resolve({ ok: false, error: { email: { type: 'owner-field', issue: 'email-invalid' }, [FORM_ERROR_KEY]: { type: 'account-exists' } } });

    await expect.element(page.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address, such as you@example.com.');
    await expect.element(page.getByLabelText('Your name')).toHaveAttribute('aria-invalid', 'false');
    await expect.element(page.getByText('This device already has an account. Unlock it instead.')).toBeVisible();
    expect(created.events).toHaveLength(0);
  });

  it('judges the password while it is typed', async () => {
    await mountSetup();
    await fillIn('password');
    await expect.element(page.getByText('Strength: Very weak')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'correct horse battery staple lantern');
    await expect.element(page.getByText('Strength: Very strong')).toBeVisible();
  });

  it('says why when creating the account fails unexpectedly, and lets the owner try again', async () => {
    const create = await mountSetup();
    await fillIn('correct horse battery staple lantern');
    await userEvent.click(page.getByRole('button', { name: 'Create account' }));
    create.calls[0]!.reject(new Error('The key could not be derived.'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The key could not be derived.');
    await expect.element(page.getByRole('button', { name: 'Create account' })).toBeEnabled();
  });
});
