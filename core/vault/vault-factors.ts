/**
 * Changes to what unlocks the account key: second-factor keys, recovery codes, the
 * password. None of these functions changes the account key itself; after removing a key
 * or replacing the recovery codes, account.ts draws a new one (account-key.ts) and
 * re-encrypts the data under it (rotate-stored-data.ts).
 * Every change asks for the password again; account.ts adds a fresh second-factor proof.
 */
import type { Result } from '../result';
import type { VaultDeps } from './deps';
import { vaultError } from './errors';
import { DEFAULT_KDF_ITERATIONS, derivePasswordKey, newKdfParams } from './kdf';
import { escrowSlotKeys, rotateFactorSecret, slotIds, type KeyNotInHand, type Rotated } from './factor-secret';
import {
  SECRET_BYTES, confirmPassword, prfSaltFor, prfSlotKey, sealPasswordSlot, sealPrfSlot, wrapAccountKey,
} from './keys';
import { createRecoverySlots } from './recovery-codes';
import type { Bytes, RegisteredKey, SecondFactor, UnlockedKeys, VaultRecord } from './types';

const wrongPassword = { ok: false, error: 'wrong-password' } as const;

/**
 * Registers a key. The first one turns the second factor on: a new factor secret, the
 * account key rewrapped under the two-factor KEK, and ten recovery codes returned once.
 * `prfOutput` is the key's PRF output for prfSaltFor(record), exactly when `key.prf`.
 * A key without PRF adds a password slot: from then on the password alone opens the data
 * (the assertion check is the only gate), which is why callers warn before adding one.
 */
export const addKey = async (
  record: VaultRecord, keys: UnlockedKeys, password: string, key: RegisteredKey, prfOutput: Bytes | null, deps: VaultDeps,
): Promise<Result<{ readonly record: VaultRecord; readonly keys: UnlockedKeys; readonly recoveryCodes: string[] | null }, 'wrong-password'>> => {
  if (key.prf !== (prfOutput !== null)) throw vaultError('invalid-input', 'A PRF output is needed exactly when the key has PRF');
  if (record.secondFactor?.keys.some((existing) => existing.id === key.id)) {
    throw vaultError('invalid-input', 'This key is already registered');
  }
  const passwordKey = await confirmPassword(record, keys, password, deps);
  if (passwordKey === null) return wrongPassword;

  const current = record.secondFactor;
  const factorSecret = current === null ? deps.randomBytes(SECRET_BYTES) : keys.factorSecret;
  if (factorSecret === null) throw vaultError('keys-mismatch', 'These keys hold no factor secret');
  const recovery = current === null ? await createRecoverySlots(factorSecret, deps) : null;
  const newSlotKeys = new Map<string, Bytes>();
  for (const [codeHash, slotKey] of recovery?.slotKeys ?? []) newSlotKeys.set(slotIds.recovery(codeHash), slotKey);
  let prfSlots = current?.prfSlots ?? {};
  if (prfOutput !== null) {
    const slotKey = await prfSlotKey(prfOutput, deps);
    newSlotKeys.set(slotIds.prf(key.id), slotKey);
    prfSlots = { ...prfSlots, [key.id]: await sealPrfSlot(slotKey, key.id, factorSecret, deps) };
  }
  const passwordSlot = current?.passwordSlot ?? (key.prf ? null : await sealPasswordSlot(passwordKey, factorSecret, deps));
  const secondFactor: SecondFactor = {
    keys: [...(current?.keys ?? []), key],
    prfSalt: await prfSaltFor(record, deps),
    prfSlots,
    passwordSlot,
    recovery: recovery?.slots ?? current?.recovery ?? [],
    slotKeys: { ...current?.slotKeys, ...(await escrowSlotKeys(keys.accountKey, newSlotKeys, deps)) },
  };
  const wrappedAccountKey = current === null
    ? await wrapAccountKey(keys.accountKey, passwordKey, factorSecret, deps)
    : record.wrappedAccountKey;
  return {
    ok: true,
    value: {
      record: { ...record, wrappedAccountKey, secondFactor },
      keys: { accountKey: keys.accountKey, factorSecret },
      recoveryCodes: recovery === null ? null : [...recovery.codes],
    },
  };
};

/**
 * Removing the last key turns the second factor off (account key back under the password
 * alone, recovery codes dropped). Otherwise the vault moves to a new factor secret; codes
 * made before escrow existed are replaced and returned, and a PRF key made before it is
 * refused until it has been touched once (escrowPrfKey).
 */
export const removeKey = async (
  record: VaultRecord, keys: UnlockedKeys, password: string, credentialId: string, deps: VaultDeps,
): Promise<Result<Rotated, 'wrong-password' | 'unknown-key' | KeyNotInHand>> => {
  const current = record.secondFactor;
  if (current === null || !current.keys.some((key) => key.id === credentialId)) return { ok: false, error: 'unknown-key' };
  const passwordKey = await confirmPassword(record, keys, password, deps);
  if (passwordKey === null) return wrongPassword;

  const remaining = current.keys.filter((key) => key.id !== credentialId);
  if (remaining.length === 0) {
    const wrappedAccountKey = await wrapAccountKey(keys.accountKey, passwordKey, null, deps);
    return {
      ok: true,
      value: {
        record: { ...record, wrappedAccountKey, secondFactor: null },
        keys: { accountKey: keys.accountKey, factorSecret: null },
        recoveryCodes: null,
      },
    };
  }
  const { [slotIds.prf(credentialId)]: _dropped, ...slotKeys } = current.slotKeys;
  return rotateFactorSecret(record, { ...current, keys: remaining, slotKeys }, keys, passwordKey, deps);
};

/** Ten new codes under a new factor secret; every earlier code, used or not, stops working. */
export const regenerateRecoveryCodes = async (
  record: VaultRecord, keys: UnlockedKeys, password: string, deps: VaultDeps,
): Promise<Result<Rotated & { readonly codes: string[] }, 'wrong-password' | KeyNotInHand>> => {
  if (record.secondFactor === null) throw vaultError('no-second-factor', 'Recovery codes exist only with a second factor');
  const passwordKey = await confirmPassword(record, keys, password, deps);
  if (passwordKey === null) return wrongPassword;
  const rotated = await rotateFactorSecret(record, record.secondFactor, keys, passwordKey, deps, { newRecoveryCodes: true });
  if (!rotated.ok) return rotated;
  return { ok: true, value: { ...rotated.value, codes: rotated.value.recoveryCodes ?? [] } };
};

/**
 * A new salt and today's iteration count (so this also upgrades an old KDF), the account
 * key and password slot rewrapped; PRF and recovery slots do not depend on the password.
 */
export const changePassword = async (
  record: VaultRecord, keys: UnlockedKeys, oldPassword: string, newPassword: string, deps: VaultDeps,
  kdfIterations: number = DEFAULT_KDF_ITERATIONS,
): Promise<Result<VaultRecord, 'wrong-password'>> => {
  if ((await confirmPassword(record, keys, oldPassword, deps)) === null) return wrongPassword;
  const kdf = newKdfParams(deps, kdfIterations);
  const passwordKey = await derivePasswordKey(newPassword, kdf, deps);
  const current = record.secondFactor;
  const factorSecret = current === null ? null : keys.factorSecret;
  const secondFactor = current === null || current.passwordSlot === null || factorSecret === null
    ? current
    : { ...current, passwordSlot: await sealPasswordSlot(passwordKey, factorSecret, deps) };
  return {
    ok: true,
    value: {
      ...record,
      kdf,
      wrappedAccountKey: await wrapAccountKey(keys.accountKey, passwordKey, factorSecret, deps),
      secondFactor,
      passwordChangedAt: deps.clock.now(),
    },
  };
};

/**
 * After a verified assertion. A regressed counter (a possible clone) is recorded and the
 * stored count is kept, so a copy replaying lower counts keeps being flagged.
 */
export const recordKeyUse = (
  record: VaultRecord, credentialId: string, newSignCount: number, counterRegressed: boolean, now: number,
): VaultRecord => {
  const current = record.secondFactor;
  if (current === null || !current.keys.some((key) => key.id === credentialId)) {
    throw vaultError('unknown-key', 'No registered key has this credential id');
  }
  const keys = current.keys.map((key): RegisteredKey => key.id !== credentialId ? key : {
    ...key,
    signCount: counterRegressed ? key.signCount : newSignCount,
    lastUsedAt: now,
    counterRegressionAt: counterRegressed ? now : key.counterRegressionAt,
  });
  return { ...record, secondFactor: { ...current, keys } };
};
