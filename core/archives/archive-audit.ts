/**
 * The audit log as a restore handles it: a backup's entries are checked by the same rules as
 * verifyChain (seq 1, 2, 3… without gaps, each prevHash the hash before, each hash recomputed,
 * under the audit key the backup carries, or plain SHA-256 for a backup made before keys),
 * and the entries a restore writes are chained here, before its transaction opens, because
 * hashing is not IndexedDB work.
 *
 * The stored shape and hash rule are core/audit/audit-log.ts's own.
 */
import {
  auditEntryHash, GENESIS_HASH, isUnsealed, legacyAuditEntryHash, sealedAfter, type AuditDraft, type AuditEntry,
} from '../audit/audit-log';
import type { AuditKeys } from '../audit/hash';

export { AUDIT_HEAD_KEY, AuditEntrySchema } from '../audit/audit-log';

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH };

export const headOf = (entries: readonly AuditEntry[]): AuditHead => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
};

/**
 * True when the entries form one whole chain from the first entry on, under `keys` (null:
 * the unkeyed SHA-256 chain of backups made before keys). Entries written while locked may
 * follow, unsealed, at the end.
 */
export const chainVerifies = async (entries: readonly AuditEntry[], keys: AuditKeys | null): Promise<boolean> => {
  let expected = EMPTY_HEAD;
  for (const entry of entries) {
    if (entry.seq !== expected.seq + 1) return false;
    if (isUnsealed(entry) || expected.hash === '') {
      if (!isUnsealed(entry) || entry.prevHash !== '') return false;
      expected = { seq: entry.seq, hash: '' };
      continue;
    }
    if (entry.prevHash !== expected.hash) return false;
    const hash = keys ? await auditEntryHash(keys, entry) : await legacyAuditEntryHash(entry);
    if (hash !== entry.hash) return false;
    expected = { seq: entry.seq, hash: entry.hash };
  }
  return true;
};

/** Entries (drafts, or earlier entries chained again) that follow `head`, in order, each chained to the one before under `keys`. */
export const chainedEntries = (
  keys: AuditKeys, head: AuditHead, entries: readonly (AuditDraft & { readonly at?: number })[], at: number,
): Promise<AuditEntry[]> => sealedAfter(keys, head, entries.map((entry) => ({ ...entry, at: entry.at ?? at })));

/** The id hashes of every record an erasure in these entries removed. */
export const erasedIdHashes = (entries: readonly AuditEntry[]): Set<string> =>
  new Set(entries.filter((entry) => entry.type === 'record-erased').flatMap((entry) => entry.subjects.map((subject) => subject.idHash)));
