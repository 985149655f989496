/**
 * The sync key sealed to one device's X25519 key (SYNC.md §5), so it can travel through the relay:
 *   ephemeral X25519 pair; ss = X25519(eph, devicePub)
 *   k = HKDF-SHA256(ss, salt = ephPub‖devicePub, info = "locket/team-key/v1|team|epoch|deviceId")
 *   AES-256-GCM under k with the same info as additional data.
 * Only the holder of the device's X25519 private key opens it, and only for that team, epoch and device.
 */
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { concatBytes, utf8 } from '../vault/bytes';
import { defaultVaultDeps } from '../vault/deps';
import { open, seal } from '../vault/seal';
import type { Bytes } from '../vault/types';
import { SYNC_KEY_BYTES } from './item-crypto';

const X25519 = { name: 'X25519' } as const;
const IV_BYTES = 12;

export interface SealedSyncKey {
  /** Raw ephemeral X25519 public key, base64url. */
  readonly eph: string;
  /** iv‖ciphertext‖tag, base64url. */
  readonly ct: string;
}

export interface KeyRecipient {
  readonly team: string;
  readonly epoch: number;
  readonly deviceId: string;
}

export const syncKeyInfo = ({ team, epoch, deviceId }: KeyRecipient): string => `locket/team-key/v1|${team}|${epoch}|${deviceId}`;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

const wrappingKey = async (privateKey: CryptoKey, peerPublic: Bytes, ephPublic: Bytes, devicePublic: Bytes, info: string): Promise<Bytes> => {
  const peer = await subtle().importKey('raw', peerPublic, X25519, false, []);
  const shared = new Uint8Array(await subtle().deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  const material = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: concatBytes(ephPublic, devicePublic), info: utf8(info) }, material, 256,
  );
  return new Uint8Array(bits);
};

export const sealSyncKey = async (syncKey: Bytes, recipient: KeyRecipient, devicePublic: Bytes): Promise<SealedSyncKey> => {
  const info = syncKeyInfo(recipient);
  const eph = (await subtle().generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair;
  const ephPublic = new Uint8Array(await subtle().exportKey('raw', eph.publicKey));
  const key = await wrappingKey(eph.privateKey, devicePublic, ephPublic, devicePublic, info);
  const sealed = await seal(key, syncKey, defaultVaultDeps(), utf8(info));
  return { eph: toBase64Url(ephPublic), ct: toBase64Url(concatBytes(sealed.iv, sealed.data)) };
};

/** The sync key, or null when the sealed value is not for this device, team and epoch, or was altered. */
export const openSyncKey = async (
  sealedKey: SealedSyncKey, recipient: KeyRecipient, device: { readonly privateKey: CryptoKey; readonly publicKey: Bytes },
): Promise<Bytes | null> => {
  const ephPublic = fromBase64Url(sealedKey.eph);
  const ct = fromBase64Url(sealedKey.ct);
  if (!ephPublic || ephPublic.length !== 32 || !ct || ct.length <= IV_BYTES) return null;
  const info = syncKeyInfo(recipient);
  try {
    const key = await wrappingKey(device.privateKey, ephPublic, ephPublic, device.publicKey, info);
    const syncKey = await open(key, { iv: ct.slice(0, IV_BYTES), data: ct.slice(IV_BYTES) }, defaultVaultDeps(), utf8(info));
    return syncKey.length === SYNC_KEY_BYTES ? syncKey : null;
  } catch {
    return null;
  }
};
