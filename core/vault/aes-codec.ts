import type { EncodedValue, ValueCodec } from '../codec';
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

/**
 * Encryption at rest for record bodies, change values and settings: JSON, UTF-8, then
 * AES-256-GCM under the account key with a fresh random IV for every value.
 * Values must be JSON values. decode refuses anything this key did not seal.
 */
export const createAesGcmCodec = (
  accountKey: Bytes,
  deps: Pick<VaultDeps, 'subtle' | 'randomBytes'> = defaultVaultDeps(),
): ValueCodec => {
  if (accountKey.length !== ACCOUNT_KEY_BYTES) throw new Error(`The account key has ${ACCOUNT_KEY_BYTES} bytes, not ${accountKey.length}`);
  // Imported once, non-extractable: the raw bytes cannot be read back out of the CryptoKey.
  let imported: Promise<CryptoKey> | null = null;
  const cryptoKey = (): Promise<CryptoKey> => {
    imported ??= deps.subtle.importKey('raw', accountKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return imported;
  };

  const encode = async (value: unknown): Promise<EncodedValue> => {
    const plaintext = encoder.encode(toJson(value));
    const iv = deps.randomBytes(IV_BYTES);
    const data = await deps.subtle.encrypt({ name: 'AES-GCM', iv }, await cryptoKey(), plaintext);
    return { codec: 'aes-gcm', iv, data: new Uint8Array(data) };
  };

  const decode = async (encoded: EncodedValue): Promise<unknown> => {
    // What IndexedDB returns is not trusted to match its type.
    const stored: unknown = encoded;
    if (typeof stored !== 'object' || stored === null || !('codec' in stored) || stored.codec !== 'aes-gcm') {
      throw new Error('Refusing to decode a value that is not encrypted: this store expects only encrypted values');
    }
    if (!('iv' in stored) || !(stored.iv instanceof Uint8Array) || stored.iv.length !== IV_BYTES
      || !('data' in stored) || !(stored.data instanceof Uint8Array)) {
      throw new Error('Refusing to decode a malformed encrypted value (missing or wrong-sized IV or data)');
    }
    let plaintext: ArrayBuffer;
    try {
      plaintext = await deps.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(stored.iv) }, await cryptoKey(), new Uint8Array(stored.data));
    } catch (cause) {
      throw new Error('Cannot decrypt a stored value: it was altered, or sealed with another account key', { cause });
    }
    return JSON.parse(decoder.decode(plaintext));
  };

  return {
    encode,
    decode,
    encodeMany: (values) => Promise.all(values.map(encode)),
    decodeMany: (encoded) => Promise.all(encoded.map(decode)),
  };
};
