import { BOUND_CODEC_VERSION, type EncodedValue, type ValueCodec } from '../codec';
import { defaultVaultDeps, type VaultDeps } from './deps';
import type { Bytes } from './types';

const IV_BYTES = 12;
const ACCOUNT_KEY_BYTES = 32;

const encoder = new TextEncoder();
/** fatal: bytes that opened under the key but are not UTF-8 were not written by this codec. */
const decoder = new TextDecoder('utf-8', { fatal: true });

/** JSON keeps no non-finite number (it writes null), so such a value would not come back: refuse it. */
const toJson = (value: unknown): string => {
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`Cannot encrypt the number ${item}: JSON has no form for it`);
    return item;
  });
  if (json === undefined) throw new Error(`Cannot encrypt a value JSON cannot hold (${typeof value})`);
  return json;
};

export interface AesGcmCodecOptions {
  /**
   * Also open values written before additional data (version 1, no `v`). Only the one-time
   * rewrite at unlock (core/store/codec-migration.ts) sets it: every other codec refuses
   * them, so an old ciphertext copied into a row after that rewrite does not decode.
   */
  readonly acceptUnbound?: boolean;
}

/** One additional data per value: a short list is a caller's bug, never a value sealed without one. */
const aadAt = (aads: readonly string[], index: number): string => {
  const aad = aads[index];
  if (aad === undefined) throw new Error(`No additional data for value ${index}`);
  return aad;
};

/**
 * Encryption at rest for record bodies, change values and settings: JSON, UTF-8, then
 * AES-256-GCM under the account key with a fresh random IV for every value, and the row's
 * name (`aad`) as additional data. Values must be JSON values. decode refuses anything this
 * key did not seal for this row.
 */
export const createAesGcmCodec = (
  accountKey: Bytes,
  deps: Pick<VaultDeps, 'subtle' | 'randomBytes'> = defaultVaultDeps(),
  options: AesGcmCodecOptions = {},
): ValueCodec => {
  if (accountKey.length !== ACCOUNT_KEY_BYTES) throw new Error(`The account key has ${ACCOUNT_KEY_BYTES} bytes, not ${accountKey.length}`);
  // Imported once, non-extractable: the raw bytes cannot be read back out of the CryptoKey.
  let imported: Promise<CryptoKey> | null = null;
  const cryptoKey = (): Promise<CryptoKey> => {
    imported ??= deps.subtle.importKey('raw', accountKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return imported;
  };

  const encode = async (value: unknown, aad: string): Promise<EncodedValue> => {
    const plaintext = encoder.encode(toJson(value));
    const iv = deps.randomBytes(IV_BYTES);
    const data = await deps.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, await cryptoKey(), plaintext);
    return { codec: 'aes-gcm', v: BOUND_CODEC_VERSION, iv, data: new Uint8Array(data) };
  };

  const decode = async (encoded: EncodedValue, aad: string): Promise<unknown> => {
    // What IndexedDB returns is not trusted to match its type.
    const stored: unknown = encoded;
    if (typeof stored !== 'object' || stored === null || !('codec' in stored) || stored.codec !== 'aes-gcm') {
      throw new Error('Refusing to decode a value that is not encrypted: this store expects only encrypted values');
    }
    if (!('iv' in stored) || !(stored.iv instanceof Uint8Array) || stored.iv.length !== IV_BYTES
      || !('data' in stored) || !(stored.data instanceof Uint8Array)) {
      throw new Error('Refusing to decode a malformed encrypted value (missing or wrong-sized IV or data)');
    }
    const bound = 'v' in stored && stored.v === BOUND_CODEC_VERSION;
    if (!bound && !options.acceptUnbound) {
      throw new Error('Refusing to decode a value written before values were bound to their rows: unlock again to update it');
    }
    const iv = new Uint8Array(stored.iv);
    const params: AesGcmParams = bound ? { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) } : { name: 'AES-GCM', iv };
    let plaintext: ArrayBuffer;
    try {
      plaintext = await deps.subtle.decrypt(params, await cryptoKey(), new Uint8Array(stored.data));
    } catch (cause) {
      throw new Error('Cannot decrypt a stored value: it was altered, moved from another row, or sealed with another account key', { cause });
    }
    return JSON.parse(decoder.decode(plaintext));
  };

  return {
    encode,
    decode,
    encodeMany: (values, aads) => Promise.all(values.map((value, index) => encode(value, aadAt(aads, index)))),
    decodeMany: (encoded, aads) => Promise.all(encoded.map((value, index) => decode(value, aadAt(aads, index)))),
  };
};
