/**
 * Members' names and emails, sealed under the team key of the epoch they were written in, so the
 * relay keeps them without reading them. Bound to team, member and epoch: a profile moved onto
 * another member does not open.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { decryptBytes, derivePurposeKey, DIRECTORY_KEY_INFO, encryptBytes } from '../sync/item-crypto';
import { padJson, unpadJson } from '../sync/padme';
import type { Bytes } from '../vault/types';
import type { SealedProfile } from './schemas';

export const MemberProfileSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(200)),
  email: v.pipe(v.string(), v.maxLength(320)),
});
export type MemberProfile = v.InferOutput<typeof MemberProfileSchema>;

const profileAad = (team: string, member: string, epoch: number): string => `locket/member-profile/v1|${team}|${member}|${epoch}`;

export const sealProfile = async (team: string, member: string, epoch: number, teamKey: Bytes, profile: MemberProfile): Promise<SealedProfile> => {
  const key = await derivePurposeKey(teamKey, DIRECTORY_KEY_INFO);
  return { epoch, ct: toBase64Url(await encryptBytes(key, padJson(profile), profileAad(team, member, epoch))) };
};

/** The profile, or null when it does not open with this key for this member, or is not a profile. */
export const openProfile = async (team: string, member: string, sealed: SealedProfile, teamKey: Bytes): Promise<MemberProfile | null> => {
  const bytes = fromBase64Url(sealed.ct);
  const key = await derivePurposeKey(teamKey, DIRECTORY_KEY_INFO);
  const plain = bytes && (await decryptBytes(key, bytes, profileAad(team, member, sealed.epoch)));
  if (!plain) return null;
  try {
    const parsed = v.safeParse(MemberProfileSchema, unpadJson(plain));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
};
