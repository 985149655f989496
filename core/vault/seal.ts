import { utf8 } from './bytes';
import type { VaultDeps } from './deps';
import { vaultError } from './errors';
import type { Bytes, Sealed } from './types';

const IV_BYTES = 12;
const AES_KEY_BYTES = 32;
/** HKDF's salt is optional (RFC 5869 §3.1); the info string is what separates purposes here. */
const HKDF_SALT = new Uint8Array(32);

const importAesKey = (keyBytes: Bytes, usage: 'encrypt' | 'decrypt', subtle: SubtleCrypto): Promise<CryptoKey> => {
  if (keyBytes.length !== AES_KEY_BYTES) throw vaultError('invalid-input', `An AES-256 key has ${AES_KEY_BYTES} bytes, not ${keyBytes.length}`);
  return subtle.importKey('raw', keyBytes, 'AES-GCM', false, [usage]);
};

const gcmParams = (iv: Bytes, additionalData: Bytes | undefined): AesGcmParams =>
  additionalData === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData };

/** AES-256-GCM under a fresh random 96-bit IV: an IV must never repeat under one key. */
export const seal = async (
  keyBytes: Bytes,
  plaintext: Bytes,
  deps: Pick<VaultDeps, 'subtle' | 'randomBytes'>,
  additionalData?: Bytes,
): Promise<Sealed> => {
  const key = await importAesKey(keyBytes, 'encrypt', deps.subtle);
  const iv = deps.randomBytes(IV_BYTES);
  const data = await deps.subtle.encrypt(gcmParams(iv, additionalData), key, plaintext);
  return { iv, data: new Uint8Array(data) };
};

/** Rejects with a VaultError 'decrypt-failed' on a wrong key, wrong additional data or any altered byte. */
export const open = async (
  keyBytes: Bytes,
  sealed: Sealed,
  deps: Pick<VaultDeps, 'subtle'>,
  additionalData?: Bytes,
): Promise<Bytes> => {
  const key = await importAesKey(keyBytes, 'decrypt', deps.subtle);
  try {
    return new Uint8Array(await deps.subtle.decrypt(gcmParams(sealed.iv, additionalData), key, sealed.data));
  } catch (cause) {
    throw vaultError('decrypt-failed', 'The sealed value does not open with this key: wrong key, or altered data', cause);
  }
};

/** HKDF-SHA256: `length` bytes for the purpose named by `info`. */
export const hkdf = async (ikm: Bytes, info: string, length: number, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> => {
  const material = await deps.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const bits = await deps.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: utf8(info) }, material, length * 8);
  return new Uint8Array(bits);
};
