import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../core/vault/errors';
import type { VaultRecord } from '../../../core/vault/types';
import {
  addKey, changePassword, createVault, prfSaltFor, recordKeyUse, removeKey, unlockWithPassword, unlockWithPrf,
  unlockWithRecoveryCode, unlockWithVerifiedKey,
} from '../../../core/vault/vault';
import { TEST_ITERATIONS, ok, randomBytes, registeredKey, testDeps } from './helpers';

const PASSWORD = 'lantern in the fog';

/** A vault with one key; `prfOutput` stands for what that authenticator returns for the vault's PRF salt. */
const vaultWithKey = async (prf: boolean) => {
  const deps = testDeps();
  const created = await createVault(PASSWORD, deps, TEST_ITERATIONS);
  const prfOutput = prf ? randomBytes(32) : null;
  const added = ok(await addKey(created.record, created.keys, PASSWORD, registeredKey('key-a', prf), prfOutput, deps));
  return { deps, created, prfOutput: prfOutput ?? randomBytes(32), ...added };
};

describe('a key with PRF', () => {
  it('turns the second factor on and returns ten recovery codes once', async () => {
    const { record, keys, recoveryCodes, created } = await vaultWithKey(true);
    expect(record.secondFactor?.keys.map((key) => key.id)).toEqual(['key-a']);
    expect(keys.accountKey).toEqual(created.keys.accountKey);
    expect(keys.factorSecret).toHaveLength(32);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes ?? []) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  });

  it('unlocks with the password and its PRF output, and keeps the PRF salt it promised', async () => {
    const { record, keys, prfOutput, deps, created } = await vaultWithKey(true);
    expect(record.secondFactor?.prfSalt).toEqual(await prfSaltFor(created.record, deps));
    expect(ok(await unlockWithPrf(record, PASSWORD, 'key-a', prfOutput, deps))).toEqual(keys);
  });

  it('refuses a wrong PRF output, a wrong password, or an unknown credential', async () => {
    const { record, prfOutput, deps } = await vaultWithKey(true);
    const refused = { ok: false, error: 'wrong-password-or-key' };
    expect(await unlockWithPrf(record, PASSWORD, 'key-a', randomBytes(32), deps)).toEqual(refused);
    expect(await unlockWithPrf(record, 'lantern in the fig', 'key-a', prfOutput, deps)).toEqual(refused);
    expect(await unlockWithPrf(record, PASSWORD, 'key-b', prfOutput, deps)).toEqual(refused);
  });

  it('no longer lets the password alone unlock, nor the password with the no-PRF path', async () => {
    const { record, deps } = await vaultWithKey(true);
    expect(await unlockWithPassword(record, PASSWORD, deps)).toEqual({ ok: false, error: 'second-factor-required' });
    expect(await unlockWithVerifiedKey(record, PASSWORD, deps)).toEqual({ ok: false, error: 'no-password-slot' });
  });

  it('refuses to register without the right password, leaving the vault password-only', async () => {
    const deps = testDeps();
    const { record, keys } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    const result = await addKey(record, keys, 'wrong', registeredKey('key-a', true), randomBytes(32), deps);
    expect(result).toEqual({ ok: false, error: 'wrong-password' });
    expect(ok(await unlockWithPassword(record, PASSWORD, deps))).toEqual(keys);
  });
});

describe('a key without PRF', () => {
  it('unlocks through the password slot once its assertion is verified', async () => {
    const { record, keys, deps } = await vaultWithKey(false);
    expect(record.secondFactor?.passwordSlot).not.toBeNull();
    expect(ok(await unlockWithVerifiedKey(record, PASSWORD, deps))).toEqual(keys);
    expect(await unlockWithVerifiedKey(record, 'lantern in the fig', deps)).toEqual({ ok: false, error: 'wrong-password' });
  });

  it('still asks for the second factor after a right password, and says when it is wrong', async () => {
    const { record, deps } = await vaultWithKey(false);
    expect(await unlockWithPassword(record, PASSWORD, deps)).toEqual({ ok: false, error: 'second-factor-required' });
    expect(await unlockWithPassword(record, 'lantern in the fig', deps)).toEqual({ ok: false, error: 'wrong-password' });
  });

  it('adds a second key without new recovery codes, and both ways unlock', async () => {
    const first = await vaultWithKey(false);
    const prfOutput = randomBytes(32);
    const second = ok(await addKey(first.record, first.keys, PASSWORD, registeredKey('key-b', true), prfOutput, first.deps));
    expect(second.recoveryCodes).toBeNull();
    expect(ok(await unlockWithPrf(second.record, PASSWORD, 'key-b', prfOutput, first.deps))).toEqual(first.keys);
    expect(ok(await unlockWithVerifiedKey(second.record, PASSWORD, first.deps))).toEqual(first.keys);
  });
});

describe('removeKey', () => {
  it('turns the second factor off when the last key goes, and old recovery codes stop working', async () => {
    const { record, keys, deps, recoveryCodes } = await vaultWithKey(true);
    const removed = ok(await removeKey(record, keys, PASSWORD, 'key-a', deps));
    expect(removed.record.secondFactor).toBeNull();
    expect(removed.keys.factorSecret).toBeNull();
    expect(ok(await unlockWithPassword(removed.record, PASSWORD, deps)).accountKey).toEqual(keys.accountKey);
    const code = recoveryCodes?.[0] ?? '';
    expect(await unlockWithRecoveryCode(removed.record, PASSWORD, code, deps)).toEqual({ ok: false, error: 'wrong-password-or-code' });
  });

  it('drops the password slot with the last key without PRF, and a removed PRF key stops unlocking', async () => {
    const { record, keys, deps, prfOutput } = await vaultWithKey(true);
    const withB = ok(await addKey(record, keys, PASSWORD, registeredKey('key-b', false), null, deps));
    const withoutB = ok(await removeKey(withB.record, withB.keys, PASSWORD, 'key-b', deps));
    expect(withoutB.record.secondFactor?.passwordSlot).toBeNull();
    expect(await unlockWithVerifiedKey(withoutB.record, PASSWORD, deps)).toEqual({ ok: false, error: 'no-password-slot' });
    expect(ok(await unlockWithPrf(withoutB.record, PASSWORD, 'key-a', prfOutput, deps))).toEqual(withoutB.keys);

    const withC = ok(await addKey(withoutB.record, withoutB.keys, PASSWORD, registeredKey('key-c', false), null, deps));
    const withoutA = ok(await removeKey(withC.record, withC.keys, PASSWORD, 'key-a', deps));
    expect(await unlockWithPrf(withoutA.record, PASSWORD, 'key-a', prfOutput, deps)).toEqual({ ok: false, error: 'wrong-password-or-key' });
    expect(ok(await unlockWithVerifiedKey(withoutA.record, PASSWORD, deps))).toEqual(withoutA.keys);
    expect(withoutA.keys.accountKey).toEqual(keys.accountKey);
  });

  it('refuses an unknown key or a wrong password', async () => {
    const { record, keys, deps } = await vaultWithKey(true);
    expect(await removeKey(record, keys, PASSWORD, 'key-z', deps)).toEqual({ ok: false, error: 'unknown-key' });
    expect(await removeKey(record, keys, 'nope', 'key-a', deps)).toEqual({ ok: false, error: 'wrong-password' });
  });
});

describe('changePassword with a second factor', () => {
  it('keeps every factor working with the new password only', async () => {
    const { record, keys, deps, prfOutput, recoveryCodes } = await vaultWithKey(true);
    const withB = ok(await addKey(record, keys, PASSWORD, registeredKey('key-b', false), null, deps));
    const changed = ok(await changePassword(withB.record, withB.keys, PASSWORD, 'a brand new secret', deps, TEST_ITERATIONS));
    expect(changed.secondFactor?.prfSlots).toEqual(withB.record.secondFactor?.prfSlots);
    expect(changed.secondFactor?.recovery).toEqual(withB.record.secondFactor?.recovery);
    expect(ok(await unlockWithPrf(changed, 'a brand new secret', 'key-a', prfOutput, deps))).toEqual(keys);
    expect(await unlockWithPrf(changed, PASSWORD, 'key-a', prfOutput, deps)).toEqual({ ok: false, error: 'wrong-password-or-key' });
    expect(ok(await unlockWithVerifiedKey(changed, 'a brand new secret', deps))).toEqual(keys);
    expect(await unlockWithVerifiedKey(changed, PASSWORD, deps)).toEqual({ ok: false, error: 'wrong-password' });
    const recovered = ok(await unlockWithRecoveryCode(changed, 'a brand new secret', recoveryCodes?.[0] ?? '', deps));
    expect(recovered.keys).toEqual(keys);
  });

  it('throws when the keys were unlocked before the second factor existed', async () => {
    const { record, created, deps } = await vaultWithKey(true);
    const error: unknown = await changePassword(record, created.keys, PASSWORD, 'x', deps, TEST_ITERATIONS).catch((e: unknown) => e);
    expect(isVaultError(error, 'keys-mismatch')).toBe(true);
  });
});

describe('recordKeyUse', () => {
  const keyOf = (record: VaultRecord) => record.secondFactor?.keys[0];

  it('stores the new sign count and when the key was used, without touching the old record', async () => {
    const { record } = await vaultWithKey(true);
    const used = recordKeyUse(record, 'key-a', 7, false, 1_000);
    expect(keyOf(used)).toMatchObject({ signCount: 7, lastUsedAt: 1_000, counterRegressionAt: null });
    expect(keyOf(record)).toMatchObject({ signCount: 0, lastUsedAt: null });
  });

  it('flags a regressed counter and keeps the higher count', async () => {
    const { record } = await vaultWithKey(true);
    const regressed = recordKeyUse(recordKeyUse(record, 'key-a', 7, false, 1_000), 'key-a', 3, true, 2_000);
    expect(keyOf(regressed)).toMatchObject({ signCount: 7, lastUsedAt: 2_000, counterRegressionAt: 2_000 });
  });

  it('throws for a credential that is not registered', async () => {
    const { record } = await vaultWithKey(true);
    expect(() => recordKeyUse(record, 'key-z', 1, false, 1)).toThrow(/No registered key/);
  });
});
