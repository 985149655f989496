/**
 * The crypto of adding a device (issue 12, "Add a device"):
 * - the code is 16 random bytes as Crockford base32 in groups of four (typed in any case, dashes
 *   and spaces ignored, I/L read as 1 and O as 0);
 * - the relay's mailbox slot is SHA-256 of the secret, so the relay never learns the code;
 * - every mailbox message is AES-256-GCM under HKDF(secret), bound to its slot and kind, so the
 *   relay can neither read nor substitute one;
 * - both screens show six words derived from the secret and both devices' public keys.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { concatBytes, utf8 } from '../vault/bytes';
import { hkdf } from '../vault/seal';
import type { Bytes } from '../vault/types';
import { FINGERPRINT_WORDS } from './fingerprint-words';
import { decryptBytes, encryptBytes, randomBytes } from './item-crypto';
import { padJson, unpadJson } from './padme';

export const PAIRING_SECRET_BYTES = 16;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = Math.ceil((PAIRING_SECRET_BYTES * 8) / 5);
const FINGERPRINT_LENGTH = 6;

export type PairingMessageKind = 'offer' | 'join' | 'accept' | 'welcome';

export const newPairingSecret = (): Bytes => randomBytes(PAIRING_SECRET_BYTES);

export const formatPairingCode = (secret: Bytes): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of secret) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
};

/** The secret a typed code stands for, or null when it is not one (wrong length, letter or padding). */
export const parsePairingCode = (typed: string): Bytes | null => {
  const normal = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (normal.length !== CODE_CHARS) return null;
  const out = new Uint8Array(PAIRING_SECRET_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of normal) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      if (index < out.length) out[index] = (value >> (bits - 8)) & 255;
      index += 1;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // The unused low bits of the last character are zero in every code this device or another drew.
  return value === 0 ? out : null;
};

const sha256 = async (bytes: Bytes): Promise<Bytes> => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));

/** Where the relay keeps this pairing's messages: a hash, from which the code cannot be found. */
export const pairingSlot = async (secret: Bytes): Promise<string> => toBase64Url(await sha256(secret));

export const pairingMailboxKey = async (secret: Bytes): Promise<CryptoKey> => {
  const bytes = await hkdf(secret, 'locket/pairing/mailbox/v1', 32, { subtle: globalThis.crypto.subtle });
  return globalThis.crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
};

const messageAad = (slot: string, kind: PairingMessageKind): string => `locket/pairing/v1|${slot}|${kind}`;

export const sealPairingMessage = async (key: CryptoKey, slot: string, kind: PairingMessageKind, content: unknown): Promise<string> =>
  toBase64Url(await encryptBytes(key, padJson(content), messageAad(slot, kind)));

/** The message's content, validated; null when it does not open for this slot and kind, or does not match `schema`. */
export const openPairingMessage = async <T extends v.GenericSchema>(
  key: CryptoKey, slot: string, kind: PairingMessageKind, message: string, schema: T,
): Promise<v.InferOutput<T> | null> => {
  const bytes = fromBase64Url(message);
  const plain = bytes && (await decryptBytes(key, bytes, messageAad(slot, kind)));
  if (!plain) return null;
  try {
    const parsed = v.safeParse(schema, unpadJson(plain));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
};

/** Six words both screens show: any substituted key or a different code gives different words. */
export const pairingFingerprint = async (
  secret: Bytes, offerer: { readonly publicKey: Bytes }, joiner: { readonly publicKey: Bytes; readonly agreementKey: Bytes },
): Promise<string[]> => {
  const digest = await sha256(concatBytes(
    utf8('locket/pairing/fingerprint/v1'), secret, offerer.publicKey, joiner.publicKey, joiner.agreementKey,
  ));
  return Array.from(digest.slice(0, FINGERPRINT_LENGTH), (byte) => FINGERPRINT_WORDS[byte] ?? '');
};
