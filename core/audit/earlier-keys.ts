/**
 * The audit keys of account keys that were replaced (vault/account-key.ts). The chain is
 * sealed again under the new key, and so are the id hashes of every record still known; but
 * an erased person's id hash and the suppression list's email hashes stand for values that
 * are gone, so they keep the key they were made with. These keys are kept, sealed under a
 * key derived from the current audit key, so those hashes still match. They add no way in:
 * whoever holds an earlier account key already holds the earlier copy those hashes came from.
 */
import * as v from 'valibot';
import type { LocketDatabase } from '../store/schema';
import { concatBytes, utf8 } from '../vault/bytes';
import { hkdf, open, seal } from '../vault/seal';
import type { Bytes, Sealed } from '../vault/types';
import { auditKeysFrom, type AuditKeys } from './hash';

/** The meta row holding the sealed earlier keys; absent while the account key was never replaced. */
export const EARLIER_AUDIT_KEYS = 'audit-earlier-keys';
const KEY_BYTES = 32;
const SEALED_DATA = utf8('locket/audit-earlier-keys');

const SealedSchema = v.object({ iv: v.instance(Uint8Array), data: v.instance(Uint8Array) });

const crypto = () => ({ subtle: globalThis.crypto.subtle, randomBytes: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)) });
const wrappingKey = (current: AuditKeys): Promise<Bytes> => hkdf(current.raw, 'locket/audit/earlier-keys', KEY_BYTES, crypto());

const split = (joined: Bytes): Bytes[] =>
  Array.from({ length: Math.floor(joined.length / KEY_BYTES) }, (_, index) => joined.slice(index * KEY_BYTES, (index + 1) * KEY_BYTES));

/** The raw earlier keys as stored, opened with `current`; none when the row is absent or does not open. */
const readEarlierRaw = async (stored: unknown, current: AuditKeys): Promise<Bytes[]> => {
  const parsed = v.safeParse(SealedSchema, stored);
  if (!parsed.success) return [];
  try {
    const sealed: Sealed = { iv: new Uint8Array(parsed.output.iv), data: new Uint8Array(parsed.output.data) };
    return split(await open(await wrappingKey(current), sealed, crypto(), SEALED_DATA));
  } catch {
    return [];
  }
};

/** The earlier audit keys, newest last: each still matches the hashes made with it. */
export const readEarlierAuditKeys = async (db: LocketDatabase, current: AuditKeys): Promise<AuditKeys[]> =>
  (await readEarlierRaw(await db.get('meta', EARLIER_AUDIT_KEYS), current)).map(auditKeysFrom);

/** What the meta row holds once `previous` is replaced by `next`: every earlier key and `previous`, sealed for `next`. */
export const sealEarlierAuditKeys = async (stored: unknown, previous: AuditKeys, next: AuditKeys): Promise<Sealed> => {
  const earlier = await readEarlierRaw(stored, previous);
  return seal(await wrappingKey(next), concatBytes(...earlier, previous.raw), crypto(), SEALED_DATA);
};
