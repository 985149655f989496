import { hkdf } from '../vault/seal';
import { toHex, utf8 } from '../vault/bytes';
import type { Bytes } from '../vault/types';

/**
 * The audit key: HMAC-SHA256 under a key derived from the account key (HKDF, info
 * "locket/audit"). It chains the audit log and hashes record ids and erased emails, so a
 * copy of the profile alone can neither rewrite the log with fresh hashes nor test an id or
 * an email against it. `raw` travels inside a backup (encrypted under the backup's password)
 * so a restore elsewhere can check that backup's log and receipts.
 */
export interface AuditKeys {
  readonly raw: Bytes;
  /** HMAC-SHA256 of the text, lower-case hex. */
  readonly mac: (text: string) => Promise<string>;
}

const AUDIT_KEY_BYTES = 32;

export const auditKeysFrom = (raw: Bytes): AuditKeys => {
  if (raw.length !== AUDIT_KEY_BYTES) throw new Error(`An audit key has ${AUDIT_KEY_BYTES} bytes, not ${raw.length}`);
  const key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    raw,
    mac: async (text) => toHex(new Uint8Array(await crypto.subtle.sign('HMAC', await key, utf8(text)))),
  };
};

export const deriveAuditKeys = async (accountKey: Bytes): Promise<AuditKeys> =>
  auditKeysFrom(await hkdf(accountKey, 'locket/audit', AUDIT_KEY_BYTES, { subtle: crypto.subtle }));

/** SHA-256 as lower-case hex, through WebCrypto (pages, the worker and Node all have it). */
export const sha256Hex = async (text: string): Promise<string> =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));

/**
 * JSON with object keys sorted at every level, so the same entry always hashes the same
 * whatever order its properties were built in.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]));
  }
  return value;
};

const recordText = (id: string): string => `locket-record:${id}`;
const emailText = (email: string): string => `locket-email:${email.trim().toLowerCase()}`;

/** A record id as the audit log names it: never the id itself, so an erased person leaves no trace. */
export const idHash = (keys: AuditKeys, id: string): Promise<string> => keys.mac(recordText(id));

/** An email as the suppression list keeps it: trimmed and lower-cased, then keyed. */
export const emailHash = (keys: AuditKeys, email: string): Promise<string> => keys.mac(emailText(email));

/**
 * The unkeyed hashes earlier versions wrote (plain SHA-256). Entries and suppression rows
 * written then keep them, since the erased id or email they stand for is gone; they are
 * still matched so that an erasure from then keeps its person out of a restore.
 */
export const legacyIdHash = (id: string): Promise<string> => sha256Hex(recordText(id));
export const legacyEmailHash = (email: string): Promise<string> => sha256Hex(emailText(email));
