/**
 * The bytes an entry's signatures and hash cover, defined once for the relay and every device.
 *
 * Canonical JSON (object keys sorted, no spaces) of the schema-validated entry: values are only
 * strings, integers, booleans, null, arrays and objects, so the text is the same on every side
 * whatever order a sender wrote the keys in. Each purpose has its own domain prefix, so a device
 * signature can never pass for an invite proof or the other way round.
 */
import { toBase64Url } from '../security/base64url';
import { utf8 } from '../vault/bytes';
import type { Bytes } from '../vault/types';
import type { TeamEntry, UnsignedEntry } from './schemas';

const ENTRY_DOMAIN = 'locket/team-entry/v1\n';
const INVITE_PROOF_DOMAIN = 'locket/team-invite-proof/v1\n';
const HASH_DOMAIN = 'locket/team-entry-hash/v1\n';

export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new TypeError('Only safe integers are encoded');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
};

const unsignedPart = (entry: UnsignedEntry): UnsignedEntry => ({
  v: entry.v, team: entry.team, seq: entry.seq, prev: entry.prev, at: entry.at, signer: entry.signer, body: entry.body,
});

/** What the signing device's Ed25519 key signs. */
export const entrySigningBytes = (entry: UnsignedEntry): Bytes => utf8(ENTRY_DOMAIN + canonicalJson(unsignedPart(entry)));

/** What a join's invite key signs: the same content under another domain. */
export const inviteProofBytes = (entry: UnsignedEntry): Bytes => utf8(INVITE_PROOF_DOMAIN + canonicalJson(unsignedPart(entry)));

/** The entry's hash: SHA-256 over all of it, signatures included, so the next entry's `prev` pins both. */
export const entryHash = async (entry: TeamEntry): Promise<string> =>
  toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', utf8(HASH_DOMAIN + canonicalJson(entry)))));
