import { deriveAuditKeys, type AuditKeys } from '../../core/audit/hash';
import type { AuditKeySource } from '../../core/audit/audit-log';
import { toBase64 } from '../../core/vault/bytes';
import { readSessionKeys } from './session';

/**
 * The audit key while Locket is unlocked, null while it is locked: read from the session at
 * each use, so a log created before the unlock (the gate's) keys its entries once it has happened.
 */
export const createSessionAuditKeys = (): AuditKeySource => {
  let cached: { readonly accountKey: string; readonly keys: Promise<AuditKeys> } | null = null;
  return async () => {
    const session = await readSessionKeys();
    if (!session) return null;
    const accountKey = toBase64(session.accountKey);
    if (cached?.accountKey !== accountKey) cached = { accountKey, keys: deriveAuditKeys(session.accountKey) };
    return cached.keys;
  };
};
