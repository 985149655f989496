/**
 * The audit log as a restore handles it: a backup's entries are checked by the same rules as
 * verifyChain (seq 1, 2, 3… without gaps, each prevHash the hash before, each hash recomputed),
 * and the entries a restore writes are chained here, before its transaction opens, because
 * hashing is not IndexedDB work.
 *
 * The stored shape and hash rule are core/audit/audit-log.ts's own.
 */
import { auditEntryHash, GENESIS_HASH, type AuditDraft, type AuditEntry } from '../audit/audit-log';

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

/** True when the entries form one whole chain from the first entry on. */
export const chainVerifies = async (entries: readonly AuditEntry[]): Promise<boolean> => {
  let expected = EMPTY_HEAD;
  for (const entry of entries) {
    if (entry.seq !== expected.seq + 1 || entry.prevHash !== expected.hash) return false;
    if ((await auditEntryHash(entry)) !== entry.hash) return false;
    expected = { seq: entry.seq, hash: entry.hash };
  }
  return true;
};

/** Entries that follow `head`, in order, each chained to the one before. */
export const chainedEntries = async (head: AuditHead, drafts: readonly AuditDraft[], at: number): Promise<AuditEntry[]> => {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const draft of drafts) {
    const unhashed = {
      seq: previous.seq + 1, at, type: draft.type, by: draft.by,
      subjects: [...draft.subjects], detail: { ...draft.detail }, prevHash: previous.hash,
    };
    const entry = { ...unhashed, hash: await auditEntryHash(unhashed) };
    entries.push(entry);
    previous = entry;
  }
  return entries;
};

/** The id hashes of every record an erasure in these entries removed. */
export const erasedIdHashes = (entries: readonly AuditEntry[]): Set<string> =>
  new Set(entries.filter((entry) => entry.type === 'record-erased').flatMap((entry) => entry.subjects.map((subject) => subject.idHash)));
