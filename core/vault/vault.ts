/**
 * The vault's operations: create, and the ways to unlock. Each returns new values and
 * never mutates a record; persisting the returned record is the caller's job.
 * Changes to factors and the password live in vault-factors.ts and are re-exported here.
 */
import type { Result } from '../result';
import type { VaultDeps } from './deps';
import { slotIds } from './factor-secret';
import { DEFAULT_KDF_ITERATIONS, derivePasswordKey, newKdfParams } from './kdf';
import {
  SECRET_BYTES, openPasswordSlot, openPrfSlot, openOrNull, unwrapAccountKey, wrapAccountKey,
} from './keys';
import { normaliseRecoveryCode, recoveryCodeHash, recoverySlotData, recoverySlotKey } from './recovery-codes';
import { open } from './seal';
import type { Bytes, RecoverySlot, UnlockedKeys, VaultRecord } from './types';

export { addKey, changePassword, recordKeyUse, regenerateRecoveryCodes, removeKey } from './vault-factors';
export { prfSaltFor } from './keys';

const failure = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/** A new vault: a random 256-bit account key under the password alone. `kdfIterations` is lowered only by tests. */
export const createVault = async (
  password: string,
  deps: VaultDeps,
  kdfIterations: number = DEFAULT_KDF_ITERATIONS,
): Promise<{ readonly record: VaultRecord; readonly keys: UnlockedKeys }> => {
  const kdf = newKdfParams(deps, kdfIterations);
  const passwordKey = await derivePasswordKey(password, kdf, deps);
  const accountKey = deps.randomBytes(SECRET_BYTES);
  const now = deps.clock.now();
  const record: VaultRecord = {
    version: 1,
    kdf,
    wrappedAccountKey: await wrapAccountKey(accountKey, passwordKey, null, deps),
    secondFactor: null,
    createdAt: now,
    passwordChangedAt: now,
  };
  return { record, keys: { accountKey, factorSecret: null } };
};

/**
 * The password alone. With a second factor on, this never unlocks; it says 'wrong-password'
 * only where the record can tell (a password slot exists). A vault with PRF keys only keeps
 * no password check at all, so a stolen record cannot be used to guess the password offline.
 */
export const unlockWithPassword = async (
  record: VaultRecord, password: string, deps: VaultDeps,
): Promise<Result<UnlockedKeys, 'wrong-password' | 'second-factor-required'>> => {
  const passwordKey = await derivePasswordKey(password, record.kdf, deps);
  const secondFactor = record.secondFactor;
  if (secondFactor === null) {
    const accountKey = await unwrapAccountKey(record, passwordKey, null, deps);
    return accountKey === null ? failure('wrong-password') : { ok: true, value: { accountKey, factorSecret: null } };
  }
  if (secondFactor.passwordSlot !== null && (await openPasswordSlot(passwordKey, secondFactor.passwordSlot, deps)) === null) {
    return failure('wrong-password');
  }
  return failure('second-factor-required');
};

/** Password plus the PRF output of a registered credential, evaluated with prfSaltFor(record). */
export const unlockWithPrf = async (
  record: VaultRecord, password: string, credentialId: string, prfOutput: Bytes, deps: VaultDeps,
): Promise<Result<UnlockedKeys, 'wrong-password-or-key'>> => {
  const slots = record.secondFactor?.prfSlots;
  const slot = slots !== undefined && Object.hasOwn(slots, credentialId) ? slots[credentialId] : undefined;
  if (slot === undefined) return failure('wrong-password-or-key');
  const factorSecret = await openPrfSlot(prfOutput, credentialId, slot, deps);
  if (factorSecret === null) return failure('wrong-password-or-key');
  const passwordKey = await derivePasswordKey(password, record.kdf, deps);
  const accountKey = await unwrapAccountKey(record, passwordKey, factorSecret, deps);
  return accountKey === null ? failure('wrong-password-or-key') : { ok: true, value: { accountKey, factorSecret } };
};

/**
 * For a key without PRF, called only after the caller has verified that key's assertion in
 * full (challenge, origin, RP ID, flags, signature, counter): that check is the gate here.
 */
export const unlockWithVerifiedKey = async (
  record: VaultRecord, password: string, deps: VaultDeps,
): Promise<Result<UnlockedKeys, 'wrong-password' | 'no-password-slot'>> => {
  const slot = record.secondFactor?.passwordSlot ?? null;
  if (slot === null) return failure('no-password-slot');
  const passwordKey = await derivePasswordKey(password, record.kdf, deps);
  const factorSecret = await openPasswordSlot(passwordKey, slot, deps);
  if (factorSecret === null) return failure('wrong-password');
  const accountKey = await unwrapAccountKey(record, passwordKey, factorSecret, deps);
  return accountKey === null ? failure('wrong-password') : { ok: true, value: { accountKey, factorSecret } };
};

/**
 * Password plus an unused recovery code. On success the code's slot is marked used and its
 * sealed secret destroyed, so resetting `usedAt` in the stored record cannot revive it.
 * A wrong password does not use up the code.
 */
export const unlockWithRecoveryCode = async (
  record: VaultRecord, password: string, code: string, deps: VaultDeps,
): Promise<Result<{ readonly keys: UnlockedKeys; readonly record: VaultRecord }, 'wrong-password-or-code' | 'code-used'>> => {
  const secondFactor = record.secondFactor;
  const normalised = normaliseRecoveryCode(code);
  if (secondFactor === null || normalised === null) return failure('wrong-password-or-code');
  const codeHash = await recoveryCodeHash(normalised, deps);
  const slot = secondFactor.recovery.find((candidate) => candidate.codeHash === codeHash);
  if (slot === undefined) return failure('wrong-password-or-code');
  if (slot.usedAt !== null) return failure('code-used');
  const slotKey = await recoverySlotKey(normalised, deps);
  const factorSecret = await openOrNull(open(slotKey, slot.wrappedFactorSecret, deps, recoverySlotData(codeHash)));
  if (factorSecret === null) return failure('wrong-password-or-code');
  const passwordKey = await derivePasswordKey(password, record.kdf, deps);
  const accountKey = await unwrapAccountKey(record, passwordKey, factorSecret, deps);
  if (accountKey === null) return failure('wrong-password-or-code');
  const used: RecoverySlot = {
    codeHash, usedAt: deps.clock.now(), wrappedFactorSecret: { iv: slot.wrappedFactorSecret.iv, data: new Uint8Array(0) },
  };
  const recovery = secondFactor.recovery.map((candidate) => (candidate === slot ? used : candidate));
  const { [slotIds.recovery(codeHash)]: _used, ...slotKeys } = secondFactor.slotKeys;
  return {
    ok: true,
    value: { keys: { accountKey, factorSecret }, record: { ...record, secondFactor: { ...secondFactor, recovery, slotKeys } } },
  };
};
