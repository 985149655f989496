/**
 * The audit keys of account keys that were replaced (vault/account-key.ts). The chain is
 * sealed again under the new key, and so are the id hashes of every record still known; but
 * an erased person's id hash and the suppression list's email hashes stand for values that
 * are gone, so they keep the key they were made with. These keys are kept, sealed under a
 * key derived from the current audit key, so those hashes still match. They add no way in:
 * whoever holds an earlier account key already holds the earlier copy those hashes came from.
 */
import type { LocketDatabase } from '../db/schema';
import { hkdf } from '../vault/seal';
import { openKeyList, sealKeyList } from '../vault/sealed-key-list';
import type { Bytes, Sealed } from '../vault/types';
import { auditKeysFrom, type AuditKeys } from './hash';

/** The meta row holding the sealed earlier keys; absent while the account key was never replaced. */
export const EARLIER_AUDIT_KEYS = 'audit-earlier-keys';
const PURPOSE = 'locket/audit-earlier-keys';

const wrappingKey = (current: AuditKeys): Promise<Bytes> => hkdf(current.raw, PURPOSE, 32, { subtle: globalThis.crypto.subtle });

/** The earlier audit keys, newest last: each still matches the hashes made with it. */
export const readEarlierAuditKeys = async (db: LocketDatabase, current: AuditKeys): Promise<AuditKeys[]> =>
  (await openKeyList(await wrappingKey(current), await db.get('meta', EARLIER_AUDIT_KEYS), PURPOSE)).map(auditKeysFrom);

/** What the meta row holds once `previous` is replaced by `next`: every earlier key and `previous`, sealed for `next`. */
export const sealEarlierAuditKeys = async (stored: unknown, previous: AuditKeys, next: AuditKeys): Promise<Sealed> => {
  const earlier = await openKeyList(await wrappingKey(previous), stored, PURPOSE);
  return sealKeyList(await wrappingKey(next), [...earlier, previous.raw], PURPOSE);
};
