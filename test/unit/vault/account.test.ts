import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/result';
import type { FieldTexts } from '../../../components/shared/messages/field-messages';
import { FORM_ERROR_KEY } from '../../../core/records/validate';
import { KEY_CHECK_MESSAGES as failureMessages } from '../../../components/shared/messages/security-key-messages';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import {
  OWNER, PASSWORD, addSoftKey, createAccessHarness, storedKey, withAccount, type AccessHarness,
} from './access-harness';
import { ok } from './helpers';
import { createSoftKey, withBrokenSignature } from './soft-ceremonies';
import type { FieldRefusals } from '../../../core/vault/access-refusals';
import { fieldRefusalsText, loginReasonText } from '../../../components/shared/messages/access-messages';

const NEW_PASSWORD = 'marble heron quietly sails';

/** The refusals as the form shows them, field by field. */
const errorsOf = <T>(result: Result<T, FieldRefusals>): FieldTexts => {
  if (result.ok) throw new Error('Expected a refusal');
  return fieldRefusalsText(result.error);
};

const unlocks = async (harness: AccessHarness, password: string) => {
  harness.lock();
  harness.waitOutThrottle();
  return (await harness.access.unlock(password)).ok;
};

describe('creating the account', () => {
  it('refuses a weak password, a bad email and an empty name, each under its field, and saves nothing', async () => {
    const harness = await createAccessHarness();
    expect(errorsOf(await harness.account.create(OWNER, 'password1'))).toEqual({ password: expect.any(String) });
    expect(errorsOf(await harness.account.create({ ...OWNER, email: 'ada@' }, PASSWORD))).toEqual({ email: expect.stringMatching(/valid email/) });
    expect(errorsOf(await harness.account.create({ ...OWNER, name: '   ' }, PASSWORD))).toEqual({ name: 'Enter your name.' });
    expect(Object.keys(errorsOf(await harness.account.create({ name: '', email: '' }, PASSWORD))).sort()).toEqual(['email', 'name']);
    expect(await harness.ports.vaults.load()).toBeUndefined();
    expect(harness.session()).toBeNull();
  });

  it('refuses a password built from the owner’s own name', async () => {
    const harness = await createAccessHarness();
    expect(errorsOf(await harness.account.create(OWNER, 'AdaLovelace1815'))).toEqual({ password: expect.stringMatching(/name/i) });
  });

  it('says what is wrong even when the form sends something that is not an owner at all', async () => {
    const harness = await createAccessHarness();
    expect(errorsOf(await harness.account.create(null, PASSWORD))).toEqual({ [FORM_ERROR_KEY]: 'Enter your name and email address.' });
    expect(errorsOf(await harness.account.create({ name: 'Ada' }, PASSWORD))).toEqual({ email: expect.stringMatching(/email address/) });
    expect(errorsOf(await harness.account.create({ name: 42, email: OWNER.email }, PASSWORD))).toEqual({ name: 'Enter your name.' });
  });

  it('unlocks the new account at once and logs its creation', async () => {
    const harness = await createAccessHarness();
    const { owner, keys } = ok(await harness.account.create({ name: '  Ada Lovelace ', email: 'ada@example.org' }, PASSWORD));
    expect(owner).toEqual(OWNER);
    expect(harness.session()).toEqual(keys);
    const [created] = await harness.logins();
    // As the login history shows it.
    expect(created && { ...created, reason: loginReasonText(created.reason) })
      .toMatchObject({ outcome: 'success', reason: 'Account created', factors: ['password'] });
    expect(await unlocks(harness, PASSWORD)).toBe(true);
  });

  it('refuses a second account on the same device and keeps the first', async () => {
    const harness = await withAccount();
    expect(errorsOf(await harness.account.create(OWNER, NEW_PASSWORD))).toEqual({ [FORM_ERROR_KEY]: expect.stringMatching(/already has an account/) });
    expect(await unlocks(harness, PASSWORD)).toBe(true);
    expect(await unlocks(harness, NEW_PASSWORD)).toBe(false);
  });
});

describe('changing the password', () => {
  it('keeps the account key: data sealed before the change opens after unlocking with the new password', async () => {
    const harness = await withAccount();
    const sealed = await createAesGcmCodec(harness.keys.accountKey).encode({ note: 'met at the fair' }, 'locket/record/x/note');
    ok(await harness.account.changePassword(harness.keys, PASSWORD, NEW_PASSWORD, OWNER));
    expect(await unlocks(harness, PASSWORD)).toBe(false);
    expect(await unlocks(harness, NEW_PASSWORD)).toBe(true);
    expect(await createAesGcmCodec(harness.session()!.accountKey).decode(sealed, 'locket/record/x/note')).toEqual({ note: 'met at the fair' });
  });

  it('refuses a wrong current password or a weak new one, and the old password still works', async () => {
    const harness = await withAccount();
    expect(errorsOf(await harness.account.changePassword(harness.keys, NEW_PASSWORD, NEW_PASSWORD, OWNER)))
      .toEqual({ currentPassword: 'Wrong password.' });
    expect(errorsOf(await harness.account.changePassword(harness.keys, PASSWORD, 'ada12345', OWNER)))
      .toEqual({ newPassword: expect.any(String) });
    expect(await unlocks(harness, PASSWORD)).toBe(true);
  });

  it('works with a key without PRF: the new password and the key unlock', async () => {
    const harness = await withAccount();
    const { keys } = await addSoftKey(harness, harness.keys, 'none');
    ok(await harness.account.changePassword(keys, PASSWORD, NEW_PASSWORD, OWNER));
    expect(await unlocks(harness, PASSWORD)).toBe(false);
    expect(await unlocks(harness, NEW_PASSWORD)).toBe(true);
  });
});

describe('adding a key', () => {
  it('refuses an empty, overlong or repeated name before prompting', async () => {
    const harness = await withAccount();
    const { keys } = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
    harness.ceremonies.hold(await createSoftKey('at-registration'));
    const before = harness.ceremonies.calls().register;
    for (const name of ['  ', 'x'.repeat(61), 'Blue key']) {
      expect(errorsOf(await harness.account.addKey(keys, PASSWORD, name, OWNER.email))).toEqual({ name: expect.any(String) });
    }
    expect(harness.ceremonies.calls().register).toBe(before);
  });

  it('shows a dismissed prompt under the name and leaves the account as it was', async () => {
    const harness = await withAccount();
    harness.ceremonies.hold(await createSoftKey('at-registration'));
    harness.ceremonies.cancelNext('cancelled');
    expect(errorsOf(await harness.account.addKey(harness.keys, PASSWORD, 'Blue key', OWNER.email)))
      .toEqual({ name: 'The security key request was cancelled or timed out. Please try again.' });
    expect((await harness.vault()).secondFactor).toBeNull();
  });

  it('refuses a wrong password and leaves two-factor off', async () => {
    const harness = await withAccount();
    harness.ceremonies.hold(await createSoftKey('at-registration'));
    expect(errorsOf(await harness.account.addKey(harness.keys, 'not my password', 'Blue key', OWNER.email)))
      .toEqual({ password: 'Wrong password.' });
    expect((await harness.vault()).secondFactor).toBeNull();
    expect(await unlocks(harness, PASSWORD)).toBe(true);
  });

  it('refuses the same key twice under another name', async () => {
    const harness = await withAccount();
    const { keys } = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
    expect(errorsOf(await harness.account.addKey(keys, PASSWORD, 'Blue key again', OWNER.email)))
      .toEqual({ name: 'This key is already registered.' });
  });

  it('adds a second key without new recovery codes; either key unlocks', async () => {
    const harness = await withAccount();
    const first = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
    const second = await addSoftKey(harness, first.keys, 'none', 'Grey key');
    expect(second.recoveryCodes).toBeNull();
    for (const key of [first.key, second.key]) {
      harness.ceremonies.hold(key);
      expect(await unlocks(harness, PASSWORD)).toBe(true);
    }
  });

  it('takes the PRF output of a key that gives it only at its first assertion, once that assertion verifies', async () => {
    const harness = await withAccount();
    const { key } = await addSoftKey(harness, harness.keys, 'after-registration', 'Green key');
    expect(await storedKey(harness, key.credentialId)).toMatchObject({ prf: true });
    expect((await harness.vault()).secondFactor?.passwordSlot).toBeNull();
    expect(await unlocks(harness, PASSWORD)).toBe(true);
  });

  it('refuses such a key when that first assertion does not verify, so its PRF output is not trusted', async () => {
    const harness = await withAccount();
    harness.ceremonies.hold(await createSoftKey('after-registration'));
    harness.ceremonies.tamperNext(withBrokenSignature);
    expect(errorsOf(await harness.account.addKey(harness.keys, PASSWORD, 'Green key', OWNER.email)))
      .toEqual({ name: failureMessages.signature });
    expect((await harness.vault()).secondFactor).toBeNull();
  });
});

describe('removing a key', () => {
  it('removing the last key lets the password alone unlock again, without a prompt', async () => {
    const harness = await withAccount();
    const { key, keys } = await addSoftKey(harness, harness.keys, 'at-registration');
    ok(await harness.account.removeKey(keys, PASSWORD, key.credentialId));
    expect((await harness.vault()).secondFactor).toBeNull();
    const prompts = harness.ceremonies.calls().authenticate;
    expect(await unlocks(harness, PASSWORD)).toBe(true);
    expect(harness.ceremonies.calls().authenticate).toBe(prompts);
  });

  it('refuses a wrong password or a key that is not registered', async () => {
    const harness = await withAccount();
    const { key, keys } = await addSoftKey(harness, harness.keys, 'at-registration');
    expect(errorsOf(await harness.account.removeKey(keys, 'not my password', key.credentialId))).toEqual({ password: 'Wrong password.' });
    expect(errorsOf(await harness.account.removeKey(keys, PASSWORD, 'no-such-key'))).toEqual({ password: expect.stringMatching(/not registered/) });
    expect((await harness.vault()).secondFactor?.keys).toHaveLength(1);
  });

  it('keeps two-factor on while another key remains', async () => {
    const harness = await withAccount();
    const first = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
    const second = await addSoftKey(harness, first.keys, 'at-registration', 'Red key');
    ok(await harness.account.removeKey(second.keys, PASSWORD, first.key.credentialId));
    harness.ceremonies.hold(first.key);
    expect(await unlocks(harness, PASSWORD)).toBe(false);
    harness.ceremonies.hold(second.key);
    expect(await unlocks(harness, PASSWORD)).toBe(true);
  });
});

describe('new recovery codes', () => {
  it('replace every earlier code', async () => {
    const harness = await withAccount();
    const { keys, recoveryCodes } = await addSoftKey(harness, harness.keys, 'at-registration');
    const fresh = ok(await harness.account.regenerateRecoveryCodes(keys, PASSWORD));
    expect(new Set(fresh).size).toBe(10);
    harness.lock();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, recoveryCodes![0]!)).ok).toBe(false);
    harness.waitOutThrottle();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, fresh[0]!)).ok).toBe(true);
  });
});

describe('the verifier refuses what the key signed for someone else', () => {
  it('does not register a key whose attestation names another origin', async () => {
    const harness = await withAccount();
    const soft = await createSoftKey('at-registration');
    const hostile = {
      ...soft,
      authenticator: { ...soft.authenticator, register: (options: Parameters<typeof soft.authenticator.register>[0]) =>
        soft.authenticator.register({ ...options, origin: 'https://evil.example' }) },
    };
    harness.ceremonies.hold(hostile);
    expect(errorsOf(await harness.account.addKey(harness.keys, PASSWORD, 'Blue key', OWNER.email)))
      .toEqual({ name: failureMessages.origin });
    expect((await harness.vault()).secondFactor).toBeNull();
  });
});
