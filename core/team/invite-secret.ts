/**
 * An invite's one-time secret and what it derives. The secret reaches the invitee by a channel
 * the inviter trusts, never through the relay; the log carries only the derived invite id and
 * the public half of the invite key. Only the secret's holder can sign a join with that key, so a
 * relay that swaps the joining device's keys for its own is caught by every device.
 *
 * The secret has the pairing code's size and form (core/sync/pairing-crypto.ts): 128 bits is
 * plenty for a code that expires in days and is burnt by its first join.
 */
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { concatBytes } from '../vault/bytes';
import { hkdf } from '../vault/seal';
import type { Bytes } from '../vault/types';
import { formatPairingCode, newPairingSecret, PAIRING_SECRET_BYTES, parsePairingCode } from '../sync/pairing-crypto';

export const newInviteSecret = (): Bytes => newPairingSecret();

/** RFC 8410 PKCS#8 prefix of an Ed25519 private key: the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export interface InviteIdentity {
  readonly inviteId: string;
  /** Raw Ed25519 public key, base64url: what the invite entry carries. */
  readonly invitePub: string;
  readonly privateKey: CryptoKey;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

export const inviteIdentity = async (secret: Bytes): Promise<InviteIdentity> => {
  const seed = await hkdf(secret, 'locket/team-invite/key/v1', 32, { subtle: subtle() });
  const idBytes = await hkdf(secret, 'locket/team-invite/id/v1', 16, { subtle: subtle() });
  // Imported extractable only to read its public half (the JWK's `x`); the signing key is imported again without that.
  const pkcs8 = concatBytes(ED25519_PKCS8_PREFIX, seed);
  const readable = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', readable);
  if (!jwk.x) throw new Error('The invite key has no public half');
  const privateKey = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  return { inviteId: toBase64Url(idBytes), invitePub: jwk.x, privateKey };
};

/**
 * What the invitee types, reads out or scans: the team id (it says which log to join; the relay
 * knows it anyway), then the secret, both 16 bytes in the pairing code's letters, so the code is
 * one case-blind run of 52 that survives being shown in groups and typed with spaces or dashes.
 * Every account's team id is 16 random bytes in base64url (core/sync-account/sync-account.ts).
 */
export const formatInviteCode = (team: string, secret: Bytes): string => {
  const teamBytes = fromBase64Url(team);
  if (teamBytes?.length !== PAIRING_SECRET_BYTES) throw new Error('A team id is 16 bytes of base64url');
  return `${formatPairingCode(teamBytes)}${formatPairingCode(secret)}`;
};

export const parseInviteCode = (typed: string): { team: string; secret: Bytes } | null => {
  const code = typed.replace(/[\s-]/g, '');
  const half = code.length / 2;
  const teamBytes = Number.isInteger(half) ? parsePairingCode(code.slice(0, half)) : null;
  const secret = teamBytes ? parsePairingCode(code.slice(half)) : null;
  return teamBytes && secret ? { team: toBase64Url(teamBytes), secret } : null;
};
