/**
 * A sync device's two key pairs, WebCrypto only (Node 20 and Chromium do both):
 * Ed25519 signs (relay auth, change sets, device list changes) and X25519 receives the sync key.
 * They are drawn extractable once, exported as PKCS8 to be sealed under the account key, and
 * imported back non-extractable, so the keys in memory can sign and agree but never leave.
 */
import type { Bytes } from '../vault/types';
import { deviceIdFromPublicKey, type DeviceKeys } from './signing';

const ED25519 = { name: 'Ed25519' } as const;
const X25519 = { name: 'X25519' } as const;

export interface SyncDeviceKeys {
  readonly signing: DeviceKeys;
  readonly agreementPrivateKey: CryptoKey;
  /** Raw 32-byte X25519 public key. */
  readonly agreementPublicKey: Bytes;
}

/** What is sealed under the account key at rest: both private keys as PKCS8, both public keys raw. */
export interface ExportedDeviceKeys {
  readonly signingPkcs8: Bytes;
  readonly signingPublicKey: Bytes;
  readonly agreementPkcs8: Bytes;
  readonly agreementPublicKey: Bytes;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const exported = async (format: 'raw' | 'pkcs8', key: CryptoKey): Promise<Bytes> => new Uint8Array(await subtle().exportKey(format, key));

export const importDeviceKeys = async (keys: ExportedDeviceKeys): Promise<SyncDeviceKeys> => {
  const [signingKey, agreementKey] = await Promise.all([
    subtle().importKey('pkcs8', keys.signingPkcs8, ED25519, false, ['sign']),
    subtle().importKey('pkcs8', keys.agreementPkcs8, X25519, false, ['deriveBits']),
  ]);
  return {
    signing: { privateKey: signingKey, publicKey: keys.signingPublicKey, deviceId: await deviceIdFromPublicKey(keys.signingPublicKey) },
    agreementPrivateKey: agreementKey,
    agreementPublicKey: keys.agreementPublicKey,
  };
};

/** New key pairs for this device: the keys to use now and their export to store sealed. */
export const generateSyncDeviceKeys = async (): Promise<{ keys: SyncDeviceKeys; exported: ExportedDeviceKeys }> => {
  const signing = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const agreement = (await subtle().generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair;
  const exportedKeys: ExportedDeviceKeys = {
    signingPkcs8: await exported('pkcs8', signing.privateKey),
    signingPublicKey: await exported('raw', signing.publicKey),
    agreementPkcs8: await exported('pkcs8', agreement.privateKey),
    agreementPublicKey: await exported('raw', agreement.publicKey),
  };
  return { keys: await importDeviceKeys(exportedKeys), exported: exportedKeys };
};
