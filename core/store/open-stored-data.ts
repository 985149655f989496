import { keyLegacyAuditLog } from '../audit/audit-rekey';
import { deriveAuditKeys } from '../audit/hash';
import { createAesGcmCodec } from '../vault/aes-codec';
import { rescueRetiredKeyRows } from '../vault/retired-keys';
import type { Clock } from '../clock';
import type { UnlockedKeys } from '../vault/types';
import { bindStoredValues } from './codec-migration';
import type { LocketDatabase } from '../db/schema';

/**
 * What unlocking does to the stored data before the keys reach the session, each once per
 * database: values written before codec version 2 are bound to their rows (afterwards
 * nothing opens them), and an audit log chained with plain SHA-256 is chained again under
 * the audit key. Entries written while locked are sealed by the unlock's own audit entry.
 * After the account key was replaced, rows another page wrote under the old key just after
 * the change are sealed again under the new one (vault/retired-keys.ts).
 */
export const openStoredData = async (db: LocketDatabase, keys: UnlockedKeys, clock: Clock): Promise<void> => {
  await bindStoredValues(db, createAesGcmCodec(keys.accountKey, undefined, { acceptUnbound: true }));
  await keyLegacyAuditLog(db, await deriveAuditKeys(keys.accountKey), clock.now());
  await rescueRetiredKeyRows(db, keys.accountKey);
};
