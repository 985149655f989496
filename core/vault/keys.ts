/**
 * The key hierarchy of types.ts, in one place. Every secret that unlocks the account key
 * passes through passwordKey: a factor secret (from a PRF output, a recovery code or the
 * password slot) only ever joins it, so no second factor on its own opens anything.
 */
import { bytesEqual, concatBytes, utf8 } from './bytes';
import type { VaultDeps } from './deps';
import { isVaultError, vaultError } from './errors';
import { derivePasswordKey } from './kdf';
import { hkdf, open, seal } from './seal';
import type { Bytes, Sealed, UnlockedKeys, VaultRecord } from './types';

export const SECRET_BYTES = 32;

type CryptoDeps = Pick<VaultDeps, 'subtle' | 'randomBytes'>;

const ACCOUNT_KEY_DATA = utf8('locket/account-key');
const PASSWORD_SLOT_DATA = utf8('locket/password-slot');
const prfSlotData = (credentialId: string): Bytes => utf8(`locket/prf-slot/${credentialId}`);

/** A seal that does not open is an expected outcome here (wrong password, wrong key): null, not a throw. */
export const openOrNull = async (opening: Promise<Bytes>): Promise<Bytes | null> => {
  try {
    return await opening;
  } catch (error) {
    if (isVaultError(error, 'decrypt-failed')) return null;
    throw error;
  }
};

/** The key that wraps the account key: password only, or password mixed with the factor secret. */
export const kekFor = (passwordKey: Bytes, factorSecret: Bytes | null, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> =>
  factorSecret === null
    ? hkdf(passwordKey, 'locket/kek/password', SECRET_BYTES, deps)
    : hkdf(concatBytes(passwordKey, factorSecret), 'locket/kek/two-factor', SECRET_BYTES, deps);

export const wrapAccountKey = async (
  accountKey: Bytes, passwordKey: Bytes, factorSecret: Bytes | null, deps: CryptoDeps,
): Promise<Sealed> => seal(await kekFor(passwordKey, factorSecret, deps), accountKey, deps, ACCOUNT_KEY_DATA);

export const unwrapAccountKey = async (
  record: VaultRecord, passwordKey: Bytes, factorSecret: Bytes | null, deps: Pick<VaultDeps, 'subtle'>,
): Promise<Bytes | null> =>
  openOrNull(open(await kekFor(passwordKey, factorSecret, deps), record.wrappedAccountKey, deps, ACCOUNT_KEY_DATA));

const passwordSlotKey = (passwordKey: Bytes, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> =>
  hkdf(passwordKey, 'locket/password-slot', SECRET_BYTES, deps);

export const sealPasswordSlot = async (passwordKey: Bytes, factorSecret: Bytes, deps: CryptoDeps): Promise<Sealed> =>
  seal(await passwordSlotKey(passwordKey, deps), factorSecret, deps, PASSWORD_SLOT_DATA);

export const openPasswordSlot = async (passwordKey: Bytes, slot: Sealed, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes | null> =>
  openOrNull(open(await passwordSlotKey(passwordKey, deps), slot, deps, PASSWORD_SLOT_DATA));

/** The key a PRF output gives its slot; escrowed (factor-secret.ts) so the slot can be resealed without the key in hand. */
export const prfSlotKey = (prfOutput: Bytes, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> => {
  if (prfOutput.length < SECRET_BYTES) throw vaultError('invalid-input', `A PRF output has at least ${SECRET_BYTES} bytes`);
  return hkdf(prfOutput, 'locket/prf', SECRET_BYTES, deps);
};

export const sealPrfSlot = (slotKey: Bytes, credentialId: string, factorSecret: Bytes, deps: CryptoDeps): Promise<Sealed> =>
  seal(slotKey, factorSecret, deps, prfSlotData(credentialId));

export const openPrfSlot = async (
  prfOutput: Bytes, credentialId: string, slot: Sealed, deps: Pick<VaultDeps, 'subtle'>,
): Promise<Bytes | null> => openOrNull(open(await prfSlotKey(prfOutput, deps), slot, deps, prfSlotData(credentialId)));

/**
 * The salt every credential's PRF is evaluated with. The caller needs it before the first
 * key exists (to get that key's PRF output), so until then it is derived from the record's
 * random KDF salt; addKey stores exactly this value. It is not secret.
 */
export const prfSaltFor = async (record: VaultRecord, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> =>
  record.secondFactor?.prfSalt ?? hkdf(record.kdf.salt, 'locket/prf-salt', SECRET_BYTES, deps);

/**
 * Proves the password against the record before a change to it, and that `keys` belong to
 * this record (a mismatch is a caller's bug, thrown). Returns passwordKey, or null when
 * the password is wrong.
 */
export const confirmPassword = async (
  record: VaultRecord, keys: UnlockedKeys, password: string, deps: Pick<VaultDeps, 'subtle'>,
): Promise<Bytes | null> => {
  const factorSecret = record.secondFactor === null ? null : keys.factorSecret;
  if (record.secondFactor !== null && factorSecret === null) {
    throw vaultError('keys-mismatch', 'These keys hold no factor secret, but the vault has a second factor: unlock again');
  }
  const passwordKey = await derivePasswordKey(password, record.kdf, deps);
  const accountKey = await unwrapAccountKey(record, passwordKey, factorSecret, deps);
  if (accountKey === null) return null;
  if (!bytesEqual(accountKey, keys.accountKey)) throw vaultError('keys-mismatch', 'These keys belong to another vault');
  return passwordKey;
};
