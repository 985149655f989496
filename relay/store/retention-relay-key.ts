/**
 * The relay's own Ed25519 signing key: generated on first start and kept in `relay_meta`, so every
 * process on one database signs with the same key (the first writer wins; the others read it
 * back). Its public half is served at `/v1/relay-key`; devices check erasure receipts with it.
 *
 * Invariant: the database holds the private key only sealed (AES-256-GCM) under the key-encryption
 * secret kept in a file outside it (relay/server/relay-key-secret.ts), so a dump of the database
 * alone cannot forge a receipt. A key stored unsealed by an earlier version is sealed in place at
 * the first load.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { Bytes } from '../../core/vault/types';
import type { SqlDriver } from './sql-driver';

const KEY_NAME = 'relay_signing_key';
const SEALED_PREFIX = 'sealed-v1:';
/** Binds the ciphertext to its purpose: a sealed value copied to another row does not open. */
const SEAL_AAD = Buffer.from(`locket-relay/${KEY_NAME}/v1`, 'utf8');
export const KEY_SECRET_BYTES = 32;

export interface RelayKey {
  /** Raw 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  /** Ed25519 signature over `message`, base64url. */
  readonly sign: (message: Bytes) => string;
}

/** The relay key could not be opened: the secret is not the one it was sealed with, or the row was changed. */
export class RelayKeySealError extends Error {}

export const isSealedRelayKey = (value: string): boolean => value.startsWith(SEALED_PREFIX);

/** `sealed-v1:` + base64url(12-byte IV ‖ ciphertext ‖ 16-byte tag). */
export const sealRelayKey = (jwk: string, secret: Uint8Array): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv).setAAD(SEAL_AAD);
  const sealed = Buffer.concat([iv, cipher.update(jwk, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${toBase64Url(new Uint8Array(sealed))}`;
};

export const openRelayKey = (value: string, secret: Uint8Array): string => {
  const bytes = fromBase64Url(value.slice(SEALED_PREFIX.length));
  if (!bytes || bytes.length < 12 + 16) throw new RelayKeySealError('The sealed relay signing key in relay_meta is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12)).setAAD(SEAL_AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new RelayKeySealError('The relay signing key does not open with this key-encryption secret: start the relay with the secret file it was sealed with');
  }
};

const fromJwk = (jwk: string): RelayKey => {
  const privateKey: KeyObject = createPrivateKey({ key: JSON.parse(jwk) as Record<string, string>, format: 'jwk' });
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (typeof x !== 'string' || fromBase64Url(x)?.length !== 32) throw new Error('The relay signing key in relay_meta is not an Ed25519 key');
  return { publicKey: x, sign: (message) => toBase64Url(new Uint8Array(sign(null, message, privateKey))) };
};

/** Reads the relay's key, generating and storing it (sealed) on the first start, and sealing one stored unsealed. */
export const loadRelayKey = async (driver: SqlDriver, secret: Uint8Array): Promise<RelayKey> => {
  if (secret.length !== KEY_SECRET_BYTES) throw new RelayKeySealError(`The key-encryption secret must be ${KEY_SECRET_BYTES} bytes`);
  const fresh = JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
  await driver.run(`INSERT INTO relay_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING`, [KEY_NAME, sealRelayKey(fresh, secret)]);
  const stored = (await driver.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = ?`, [KEY_NAME]))[0];
  if (!stored) throw new Error('The relay signing key could not be stored');
  if (isSealedRelayKey(stored.value)) return fromJwk(openRelayKey(stored.value, secret));
  // Stored unsealed by an earlier version: sealed in place (only if no other process sealed it meanwhile).
  const key = fromJwk(stored.value);
  await driver.run(`UPDATE relay_meta SET value = ? WHERE key = ? AND value = ?`, [sealRelayKey(stored.value, secret), KEY_NAME, stored.value]);
  return key;
};
