import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/result';
import type { FieldTexts } from '../../../components/shared/messages/field-messages';
import { KEY_CHECK_MESSAGES as failureMessages } from '../../../components/shared/messages/security-key-messages';
import { OWNER, PASSWORD, addSoftKey, storedKey, withAccount, type AccessHarness } from './access-harness';
import { ok } from './helpers';
import { createSoftKey } from './soft-ceremonies';
import type { FieldRefusals } from '../../../core/vault/access-refusals';
import { accountRefusalText, fieldRefusalsText } from '../../../components/shared/messages/access-messages';

const WEAKER_KEY_WARNING = accountRefusalText({ type: 'weaker-key' });

/** The refusals as the form shows them, field by field. */
const errorsOf = <T>(result: Result<T, FieldRefusals>): FieldTexts => {
  if (result.ok) throw new Error('Expected a refusal');
  return fieldRefusalsText(result.error);
};

const unlocksWith = async (harness: AccessHarness, key: Parameters<AccessHarness['ceremonies']['hold']>[0]) => {
  harness.lock();
  harness.waitOutThrottle();
  harness.ceremonies.hold(key);
  return (await harness.access.unlock(PASSWORD)).ok;
};

/** An account with a PRF key, its session keys and its recovery codes. */
const withPrfKey = async () => {
  const harness = await withAccount();
  const first = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
  return { harness, ...first, codes: first.recoveryCodes ?? [] };
};

describe('a change to the factors needs a fresh touch of a registered key, not only the password', () => {
  it('adding a second key asks an existing key, and a touch of the new key there adds nothing', async () => {
    const { harness, keys } = await withPrfKey();
    harness.ceremonies.hold(await createSoftKey('at-registration'));
    const prompts = harness.ceremonies.calls().authenticate;
    expect(errorsOf(await harness.account.addKey(keys, PASSWORD, 'Red key', OWNER.email))).toEqual({ confirm: expect.stringMatching(/other registered keys/) });
    expect(harness.ceremonies.calls().authenticate).toBe(prompts + 1);
    expect((await harness.vault()).secondFactor?.keys.map((key) => key.name)).toEqual(['Blue key']);
  });

  it('a wrong password is refused before any prompt', async () => {
    const { harness, key, keys } = await withPrfKey();
    const prompts = harness.ceremonies.calls().authenticate;
    expect(errorsOf(await harness.account.removeKey(keys, 'not my password', key.credentialId))).toEqual({ password: 'Wrong password.' });
    expect(errorsOf(await harness.account.regenerateRecoveryCodes(keys, 'not my password'))).toEqual({ password: 'Wrong password.' });
    expect(harness.ceremonies.calls().authenticate).toBe(prompts);
  });

  it('removing a key is refused when the key touched is the one being removed', async () => {
    const { harness, key: blue } = await withPrfKey();
    const red = await addSoftKey(harness, harness.session()!, 'at-registration', 'Red key', blue);
    harness.ceremonies.hold(red.key);
    expect(errorsOf(await harness.account.removeKey(red.keys, PASSWORD, red.key.credentialId))).toEqual({ confirm: expect.stringMatching(/other registered keys/) });
    expect((await harness.vault()).secondFactor?.keys).toHaveLength(2);
    harness.ceremonies.hold(blue);
    ok(await harness.account.removeKey(red.keys, PASSWORD, red.key.credentialId));
    expect(await unlocksWith(harness, red.key)).toBe(false);
    expect(await unlocksWith(harness, blue)).toBe(true);
  });

  it('turning two-factor off needs a touch of the last key or a recovery code, which is then used up', async () => {
    const { harness, key, keys, codes } = await withPrfKey();
    harness.ceremonies.cancelNext('cancelled');
    expect(errorsOf(await harness.account.removeKey(keys, PASSWORD, key.credentialId))).toEqual({ confirm: 'The security key request was cancelled or timed out. Please try again.' });
    expect((await harness.vault()).secondFactor).not.toBeNull();
    expect(errorsOf(await harness.account.removeKey(keys, PASSWORD, key.credentialId, { recoveryCode: 'AAAA-BBBB-CCCC-DDDD' })))
      .toEqual({ recoveryCode: 'Wrong password or recovery code.' });
    ok(await harness.account.removeKey(keys, PASSWORD, key.credentialId, { recoveryCode: codes[0]! }));
    expect((await harness.vault()).secondFactor).toBeNull();
  });

  it('new recovery codes need a touch too, and the code that confirmed them cannot be used again', async () => {
    const { harness, keys, codes } = await withPrfKey();
    harness.ceremonies.cancelNext('cancelled');
    expect(errorsOf(await harness.account.regenerateRecoveryCodes(keys, PASSWORD))).toEqual({ confirm: 'The security key request was cancelled or timed out. Please try again.' });
    const fresh = ok(await harness.account.regenerateRecoveryCodes(keys, PASSWORD, { recoveryCode: codes[1]! }));
    expect(fresh).toHaveLength(10);
    harness.lock();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, codes[2]!)).ok).toBe(false);
    harness.waitOutThrottle();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, fresh[0]!)).ok).toBe(true);
  });
});

describe('a touch that confirms a change is checked like one that unlocks', () => {
  it('a key whose counter went backwards confirms nothing and is flagged', async () => {
    const { harness, key, keys } = await withPrfKey();
    harness.ceremonies.counterNext(9);
    ok(await harness.account.regenerateRecoveryCodes(keys, PASSWORD));
    harness.ceremonies.counterNext(4);
    expect(errorsOf(await harness.account.regenerateRecoveryCodes(harness.session()!, PASSWORD))).toEqual({ confirm: failureMessages.counter });
    expect(await storedKey(harness, key.credentialId)).toMatchObject({ signCount: 9, counterRegressionAt: harness.clock.now() });
  });
});

describe('a key without PRF in a vault whose keys all have PRF', () => {
  it('is refused with a warning first, then added after the owner accepts and confirms with an existing key', async () => {
    const { harness, key: blue, keys } = await withPrfKey();
    const grey = await createSoftKey('none');
    harness.ceremonies.hold(grey);
    expect(errorsOf(await harness.account.addKey(keys, PASSWORD, 'Grey key', OWNER.email))).toEqual({ prf: WEAKER_KEY_WARNING });
    expect((await harness.vault()).secondFactor?.passwordSlot).toBeNull();

    const registrations = harness.ceremonies.calls().register;
    harness.ceremonies.touchNext(blue);
    ok(await harness.account.addKey(keys, PASSWORD, 'Grey key', OWNER.email, { acceptWithoutPrf: true }));
    // The key registered a moment ago is added: no second credential is made on it.
    expect(harness.ceremonies.calls().register).toBe(registrations);
    expect((await harness.vault()).secondFactor?.keys.map((key) => [key.name, key.prf])).toEqual([['Blue key', true], ['Grey key', false]]);
    expect(await unlocksWith(harness, grey)).toBe(true);
  });

  it('is not added on a recovery code alone: the yes to a weaker vault comes with a key in hand', async () => {
    const { harness, keys, codes } = await withPrfKey();
    harness.ceremonies.hold(await createSoftKey('none'));
    const options = { acceptWithoutPrf: true, recoveryCode: codes[0]! };
    expect(errorsOf(await harness.account.addKey(keys, PASSWORD, 'Grey key', OWNER.email, options)))
      .toEqual({ prf: WEAKER_KEY_WARNING, recoveryCode: expect.stringMatching(/touch of one of your keys/) });
    expect((await harness.vault()).secondFactor?.keys).toHaveLength(1);
    expect((await harness.vault()).secondFactor?.recovery.every((slot) => slot.usedAt === null)).toBe(true);
  });

  it('is not added when the confirming touch comes from the new key itself', async () => {
    const { harness, keys } = await withPrfKey();
    const grey = await createSoftKey('none');
    harness.ceremonies.hold(grey);
    expect(errorsOf(await harness.account.addKey(keys, PASSWORD, 'Grey key', OWNER.email, { acceptWithoutPrf: true })))
      .toEqual({ confirm: expect.stringMatching(/other registered keys/) });
    expect((await harness.vault()).secondFactor?.keys).toHaveLength(1);
  });
});

describe('a vault made before slot keys were escrowed', () => {
  /** Three PRF keys and codes, stored the way such a vault was: no escrowed slot keys. */
  const legacyVault = async () => {
    const { harness, key: blue, codes } = await withPrfKey();
    const red = await addSoftKey(harness, harness.session()!, 'at-registration', 'Red key', blue);
    const green = await addSoftKey(harness, harness.session()!, 'at-registration', 'Green key', red.key);
    const record = await harness.vault();
    await harness.ports.vaults.save({ ...record, secondFactor: { ...record.secondFactor!, slotKeys: {} } });
    return { harness, blue, red: red.key, green: green.key, codes };
  };

  it('still lets a key go: each key touched is carried over, and the codes that cannot follow are replaced', async () => {
    const { harness, blue, red, green, codes } = await legacyVault();
    harness.ceremonies.hold(blue);
    expect(errorsOf(await harness.account.removeKey(harness.session()!, PASSWORD, green.credentialId)))
      .toEqual({ confirm: expect.stringContaining('“Red key”') });
    harness.ceremonies.hold(red);
    const { recoveryCodes } = ok(await harness.account.removeKey(harness.session()!, PASSWORD, green.credentialId));
    expect(recoveryCodes).toHaveLength(10);
    expect((await harness.vault()).secondFactor?.keys.map((key) => key.name)).toEqual(['Blue key', 'Red key']);
    expect(await unlocksWith(harness, green)).toBe(false);
    expect(await unlocksWith(harness, blue)).toBe(true);
    expect(await unlocksWith(harness, red)).toBe(true);
    harness.lock();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, codes[3]!)).ok).toBe(false);
    harness.waitOutThrottle();
    expect((await harness.access.unlockWithRecoveryCode(PASSWORD, recoveryCodes![0]!)).ok).toBe(true);
  });
});
