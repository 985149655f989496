/**
 * The short phrase an admin and a joining member compare before the admin confirms the join: six
 * words (the pairing list, core/sync/fingerprint-words.ts) from the team, the invite and the
 * joining device's two public keys. Both sides compute it from what they hold; any key swapped on
 * the way gives other words.
 */
import { fromBase64Url } from '../security/base64url';
import { concatBytes, utf8 } from '../vault/bytes';
import { FINGERPRINT_WORDS } from '../sync/fingerprint-words';
import type { TeamDevice } from './schemas';

const PHRASE_WORDS = 6;

export const joinFingerprint = async (team: string, inviteId: string, device: TeamDevice): Promise<string[]> => {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', concatBytes(
    utf8(`locket/team-join/fingerprint/v1|${team}|${inviteId}|`),
    fromBase64Url(device.signPub) ?? utf8(device.signPub),
    fromBase64Url(device.dhPub) ?? utf8(device.dhPub),
  )));
  return Array.from(digest.slice(0, PHRASE_WORDS), (byte) => FINGERPRINT_WORDS[byte] ?? '');
};
