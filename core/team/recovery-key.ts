/**
 * The owner's printed recovery key (issue 13, "a second owner or a printed recovery key"): 16
 * random bytes shown as 16 words (one per byte, the pairing word list). The words derive a device
 * of their own, an Ed25519 and an X25519 key pair, that the owner enrols in the log with
 * `add-device { recovery: true }`: the relay keeps the team key sealed to it, every rotation seals
 * the next key to it as it does to any device, and only whoever holds the words can open it.
 */
import { fromBase64Url } from '../security/base64url';
import { FINGERPRINT_WORDS } from '../sync/fingerprint-words';
import { randomBytes } from '../sync/item-crypto';
import type { SyncDeviceKeys } from '../sync/device-keys';
import { deviceIdFromPublicKey } from '../sync/signing';
import { concatBytes } from '../vault/bytes';
import { hkdf } from '../vault/seal';
import type { Bytes } from '../vault/types';

const RECOVERY_BYTES = 16;
/** RFC 8410 PKCS#8 prefixes: the 32-byte private key follows each. */
const ED25519_PKCS8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const X25519_PKCS8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

export const newRecoverySecret = (): Bytes => randomBytes(RECOVERY_BYTES);

export const recoveryWords = (secret: Bytes): string[] => Array.from(secret, (byte) => FINGERPRINT_WORDS[byte] ?? '');

/** The secret the printed words stand for, or null when a word is not on the list or one is missing. */
export const parseRecoveryWords = (words: readonly string[]): Bytes | null => {
  const bytes = words.map((word) => FINGERPRINT_WORDS.indexOf(word.trim().toLowerCase()));
  return bytes.length === RECOVERY_BYTES && bytes.every((byte) => byte >= 0) ? new Uint8Array(bytes) : null;
};

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** Imports a private key from its seed and reads the public half (JWK `x`), keeping only a non-extractable copy. */
const keyPair = async (prefix: Bytes, seed: Bytes, algorithm: 'Ed25519' | 'X25519', usage: KeyUsage) => {
  const pkcs8 = concatBytes(prefix, seed);
  const jwk = await subtle().exportKey('jwk', await subtle().importKey('pkcs8', pkcs8, { name: algorithm }, true, [usage]));
  if (!jwk.x) throw new Error('The recovery key has no public half');
  const publicKey = fromBase64Url(jwk.x);
  if (!publicKey) throw new Error('The recovery key\'s public half is not base64url');
  return { privateKey: await subtle().importKey('pkcs8', pkcs8, { name: algorithm }, false, [usage]), publicKey };
};

/** The device the recovery words are: the same keys from the same words, on any machine. */
export const recoveryDeviceKeys = async (secret: Bytes): Promise<SyncDeviceKeys> => {
  const signSeed = await hkdf(secret, 'locket/team-recovery/sign/v1', 32, { subtle: subtle() });
  const agreeSeed = await hkdf(secret, 'locket/team-recovery/agree/v1', 32, { subtle: subtle() });
  const signing = await keyPair(ED25519_PKCS8, signSeed, 'Ed25519', 'sign');
  const agreement = await keyPair(X25519_PKCS8, agreeSeed, 'X25519', 'deriveBits');
  return {
    signing: { privateKey: signing.privateKey, publicKey: signing.publicKey, deviceId: await deviceIdFromPublicKey(signing.publicKey) },
    agreementPrivateKey: agreement.privateKey,
    agreementPublicKey: agreement.publicKey,
  };
};

