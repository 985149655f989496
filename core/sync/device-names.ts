/**
 * A device's name, encrypted under the sync key's directory key and bound to its team and device,
 * so the relay stores only an opaque label and cannot move one device's name to another.
 * Names are trimmed, stripped of control characters and cut to 64 characters: the padded label
 * then always fits the relay's 512-character limit.
 */
import { fromBase64Url, toBase64Url } from '../security/base64url';
import type { Bytes } from '../vault/types';
import { decryptBytes, derivePurposeKey, DIRECTORY_KEY_INFO, encryptBytes } from './item-crypto';
import { padJson, unpadJson } from './padme';

export const MAX_DEVICE_NAME_CHARS = 64;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export const normaliseDeviceName = (name: string): string =>
  [...name.replace(CONTROL, ' ').trim()].slice(0, MAX_DEVICE_NAME_CHARS).join('');

const nameAad = (team: string, deviceId: string): string => `locket/device-name/v1|${team}|${deviceId}`;

export const sealDeviceName = async (syncKey: Bytes, team: string, deviceId: string, name: string): Promise<string> => {
  const key = await derivePurposeKey(syncKey, DIRECTORY_KEY_INFO);
  return toBase64Url(await encryptBytes(key, padJson(normaliseDeviceName(name)), nameAad(team, deviceId)));
};

/** The name, or null for a missing label or one that does not open for this team and device. */
export const openDeviceName = async (syncKey: Bytes, team: string, deviceId: string, label: string | undefined): Promise<string | null> => {
  const bytes = label === undefined ? null : fromBase64Url(label);
  if (!bytes) return null;
  const plain = await decryptBytes(await derivePurposeKey(syncKey, DIRECTORY_KEY_INFO), bytes, nameAad(team, deviceId));
  if (!plain) return null;
  try {
    const name = unpadJson(plain);
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
};
