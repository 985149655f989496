/**
 * The relay's own Ed25519 signing key: generated on first start and kept in `relay_meta`, so every
 * process on one database signs with the same key (the first writer wins; the others read it
 * back). Its public half is served at `/v1/relay-key`; devices check erasure receipts with it.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { Bytes } from '../../core/vault/types';
import type { SqlDriver } from './sql-driver';

const KEY_NAME = 'relay_signing_key';

export interface RelayKey {
  /** Raw 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  /** Ed25519 signature over `message`, base64url. */
  readonly sign: (message: Bytes) => string;
}

const fromJwk = (jwk: string): RelayKey => {
  const privateKey: KeyObject = createPrivateKey({ key: JSON.parse(jwk) as Record<string, string>, format: 'jwk' });
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (typeof x !== 'string' || fromBase64Url(x)?.length !== 32) throw new Error('The relay signing key in relay_meta is not an Ed25519 key');
  return { publicKey: x, sign: (message) => toBase64Url(new Uint8Array(sign(null, message, privateKey))) };
};

/** Reads the relay's key, generating and storing it on the first start. */
export const loadRelayKey = async (driver: SqlDriver): Promise<RelayKey> => {
  const fresh = JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
  await driver.run(`INSERT INTO relay_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING`, [KEY_NAME, fresh]);
  const stored = (await driver.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = ?`, [KEY_NAME]))[0];
  if (!stored) throw new Error('The relay signing key could not be stored');
  return fromJwk(stored.value);
};
