/**
 * Who a joining person says they are, for the admin who holds the invite's secret: their name,
 * email and device name, sealed under a key the invite's one-time secret derives (its own HKDF
 * info, so it is never the invite's signing key or id) and bound to the team, the invite and the
 * joining device. The relay keeps it opaque beside the join and never holds the secret.
 *
 * A claim is the joiner's own word, not a proof: anyone with the code can seal any name. The
 * fingerprint words stay what an admin confirms on; a claim only says whom to ask for them.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { decryptBytes, encryptBytes } from '../sync/item-crypto';
import { padJson, unpadJson } from '../sync/padme';
import { hkdf } from '../vault/seal';
import type { Bytes } from '../vault/types';

export const JoinClaimSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(200)),
  email: v.pipe(v.string(), v.maxLength(320)),
  deviceName: v.pipe(v.string(), v.maxLength(100)),
});
export type JoinClaim = v.InferOutput<typeof JoinClaimSchema>;


/** Where a claim belongs: a claim moved onto another team, invite or device does not open. */
export interface JoinClaimPlace {
  readonly team: string;
  readonly inviteId: string;
  readonly device: string;
}

const CLAIM_KEY_INFO = 'locket/team-invite/claim/v1';
const claimAad = (place: JoinClaimPlace): string => `locket/team-join-claim/v1|${place.team}|${place.inviteId}|${place.device}`;

const claimKey = async (secret: Bytes): Promise<CryptoKey> => {
  const subtle = globalThis.crypto.subtle;
  return subtle.importKey('raw', await hkdf(secret, CLAIM_KEY_INFO, 32, { subtle }), 'AES-GCM', false, ['encrypt', 'decrypt']);
};

export const sealJoinClaim = async (secret: Bytes, place: JoinClaimPlace, claim: JoinClaim): Promise<string> =>
  toBase64Url(await encryptBytes(await claimKey(secret), padJson(v.parse(JoinClaimSchema, claim)), claimAad(place)));

/** The claim, or null when it does not open with this secret for this place (another secret, moved, or altered). */
export const openJoinClaim = async (secret: Bytes, place: JoinClaimPlace, sealed: string): Promise<JoinClaim | null> => {
  const bytes = fromBase64Url(sealed);
  const plain = bytes && (await decryptBytes(await claimKey(secret), bytes, claimAad(place)));
  if (!plain) return null;
  try {
    const parsed = v.safeParse(JoinClaimSchema, unpadJson(plain));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
};
