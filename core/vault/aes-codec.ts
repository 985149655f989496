import { BOUND_CODEC_VERSION, type EncodedValue, type ValueCodec } from '../codec';
import { defaultVaultDeps, type VaultDeps } from './deps';
import type { Bytes } from './types';

const IV_BYTES = 12;
/** getRandomValues fills at most 65,536 bytes a call. */
const IVS_PER_DRAW = Math.floor(65_536 / IV_BYTES);
const ACCOUNT_KEY_BYTES = 32;

const encoder = new TextEncoder();
/** fatal: bytes that opened under the key but are not UTF-8 were not written by this codec. */
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Whether `value` holds a number JSON cannot keep, as JSON.stringify would reach it (toJSON first). */
const holdsNonFinite = (value: unknown): boolean => {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  const toJSON: unknown = (value as { readonly toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return holdsNonFinite(toJSON.call(value));
  if (Array.isArray(value)) return value.some(holdsNonFinite);
  for (const key in value) if (Object.hasOwn(value, key) && holdsNonFinite((value as Record<string, unknown>)[key])) return true;
  return false;
};

/**
 * JSON keeps no non-finite number (it writes null), so such a value would not come back: refuse
 * it. Checked by a walk before a plain stringify: a replacer function takes JSON.stringify off
 * its fast path, which cost an import of 100,000 records about 1.5 s.
 */
const toJson = (value: unknown): string => {
  if (holdsNonFinite(value)) throw new Error('Cannot encrypt a number JSON has no form for (NaN or an infinity)');
  const json = JSON.stringify(value);
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

  const encode = async (value: unknown, aad: string, iv: Uint8Array<ArrayBuffer> = deps.randomBytes(IV_BYTES)): Promise<EncodedValue> => {
    const plaintext = encoder.encode(toJson(value));
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
    encode: (value, aad) => encode(value, aad),
    decode,
    encodeMany: (values, aads) => {
      // One draw from the random source for every IV of the call (a call per value cost an import of 100,000 records
      // about 0.5 s); each IV is copied out (slice) so a row stores its 12 bytes, not the whole draw.
      let ivs = deps.randomBytes(0);
      return Promise.all(values.map((value, index) => {
        const at = (index % IVS_PER_DRAW) * IV_BYTES;
        if (at === 0) ivs = deps.randomBytes(IV_BYTES * Math.min(IVS_PER_DRAW, values.length - index));
        return encode(value, aadAt(aads, index), ivs.slice(at, at + IV_BYTES));
      }));
    },
    decodeMany: (encoded, aads) => Promise.all(encoded.map((value, index) => decode(value, aadAt(aads, index)))),
  };
};
