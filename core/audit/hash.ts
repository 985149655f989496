import { toHex, utf8 } from '../vault/bytes';

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

/** A record id as the audit log names it: never the id itself, so an erased person leaves no trace. */
export const idHash = (id: string): Promise<string> => sha256Hex(`locket-record:${id}`);

/** An email as the suppression list keeps it: trimmed and lower-cased, then hashed. */
export const emailHash = (email: string): Promise<string> => sha256Hex(`locket-email:${email.trim().toLowerCase()}`);
