/**
 * Team keys per epoch (SYNC.md §5): one random key per epoch, sealed to each member device with
 * core/sync/key-sealing.ts (X25519 → HKDF-SHA256 → AES-256-GCM, bound to team, epoch and device).
 * Each rotation also seals the previous epoch's key under the new one, so a device holding the
 * newest key opens every older one and history stays readable to current members, while a removed
 * member's keys open nothing written after the removal.
 */
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { decryptBytes, derivePurposeKey, encryptBytes, newSyncKey } from '../sync/item-crypto';
import { openSyncKey, sealSyncKey } from '../sync/key-sealing';
import type { Bytes } from '../vault/types';
import type { KeyGrant, Rotation, TeamDevice } from './schemas';

const CHAIN_KEY_INFO = 'locket/relay/key-chain/v1';
const chainAad = (team: string, olderEpoch: number): string => `locket/team-key-chain/v1|${team}|${olderEpoch}`;

export const newTeamKey = (): Bytes => newSyncKey();

/** The key of `epoch` sealed to each device, in device id order (one encoding whatever the caller's order). */
export const grantKey = async (team: string, epoch: number, key: Bytes, devices: readonly Pick<TeamDevice, 'id' | 'dhPub'>[]): Promise<KeyGrant> => {
  const sorted = [...devices].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sealed = [];
  for (const device of sorted) {
    const dhPub = fromBase64Url(device.dhPub);
    if (!dhPub) throw new TypeError('A device X25519 key is not base64url');
    sealed.push({ device: device.id, ...(await sealSyncKey(key, { team, epoch, deviceId: device.id }, dhPub)) });
  }
  return { epoch, sealed };
};

/** A rotation to `epoch`: the new key for every remaining device and the old key sealed under the new. */
export const rotateKey = async (
  team: string, epoch: number, newKey: Bytes, previousKey: Bytes, devices: readonly Pick<TeamDevice, 'id' | 'dhPub'>[],
): Promise<Rotation> => {
  const grant = await grantKey(team, epoch, newKey, devices);
  const chainKey = await derivePurposeKey(newKey, CHAIN_KEY_INFO);
  const previous = toBase64Url(await encryptBytes(chainKey, previousKey, chainAad(team, epoch - 1)));
  return { ...grant, previous };
};

export interface DeviceAgreement {
  readonly deviceId: string;
  readonly agreementPrivateKey: CryptoKey;
  /** Raw X25519 public key. */
  readonly agreementPublicKey: Bytes;
}

/** This device's key of one grant, or null when the grant has none for it or it does not open. */
export const openGrant = (team: string, grant: KeyGrant, device: DeviceAgreement): Promise<Bytes | null> => {
  const mine = grant.sealed.find((sealed) => sealed.device === device.deviceId);
  if (!mine) return Promise.resolve(null);
  return openSyncKey(mine, { team, epoch: grant.epoch, deviceId: device.deviceId }, {
    privateKey: device.agreementPrivateKey, publicKey: device.agreementPublicKey,
  });
};

/** The previous epoch's key from a rotation, given the rotation's own key; null when it does not open. */
export const openPreviousKey = async (team: string, rotation: Pick<Rotation, 'epoch' | 'previous'>, key: Bytes): Promise<Bytes | null> => {
  const sealed = fromBase64Url(rotation.previous);
  if (!sealed) return null;
  return decryptBytes(await derivePurposeKey(key, CHAIN_KEY_INFO), sealed, chainAad(team, rotation.epoch - 1));
};
