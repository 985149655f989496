/**
 * The audit log when the account key is replaced: its key derives from the account key, so
 * the chain is sealed again under the new one, or whoever holds the old account key could
 * rewrite the current log with fresh hashes. Only what verifies under the old key is sealed
 * again (with entries written while locked that follow it); from the first entry that does
 * not verify, rows are kept exactly as they are, so verifyChain still reports that place.
 *
 * Id hashes of records still known (live, in the trash, or named by the change log) are
 * made again under the new key; the others (erased people) keep theirs, matched through
 * earlier-keys.ts. Prepared outside any transaction; `writeIn` checks the log is unchanged.
 */
import * as v from 'valibot';
import type { LocketDatabase } from '../db/schema';
import { STALE, type Stale, type WriteTransaction } from '../db/transaction';
import {
  AUDIT_HEAD_KEY, AuditEntrySchema, GENESIS_HASH, auditEntryHash, isUnsealed, sealedAfter,
  type AuditDraft, type AuditEntry, type AuditSubject,
} from './audit-log';
import { EARLIER_AUDIT_KEYS, sealEarlierAuditKeys } from './earlier-keys';
import { idHash, type AuditKeys } from './hash';

export interface RechainedLog {
  /** The rotation's own entry, as written. */
  readonly entry: AuditEntry;
  readonly writeIn: (tx: WriteTransaction<'audit' | 'meta'>) => Promise<AuditEntry | Stale>;
}

/** How many entries from the start verify under `keys`, each following the one before. */
const verifiedPrefix = async (keys: AuditKeys, entries: readonly AuditEntry[]): Promise<number> => {
  let expected = { seq: 0, hash: GENESIS_HASH };
  for (const [index, entry] of entries.entries()) {
    if (isUnsealed(entry) || entry.seq !== expected.seq + 1 || entry.prevHash !== expected.hash) return index;
    if ((await auditEntryHash(keys, entry)) !== entry.hash) return index;
    expected = { seq: entry.seq, hash: entry.hash };
  }
  return entries.length;
};

/** Old id hash → new id hash, for every id still known. */
const renamedIds = async (from: AuditKeys, to: AuditKeys, ids: Iterable<string>): Promise<Map<string, string>> =>
  new Map(await Promise.all([...new Set(ids)].map(async (id) => [await idHash(from, id), await idHash(to, id)] as const)));

const renamed = (subjects: readonly AuditSubject[], names: ReadonlyMap<string, string>): AuditSubject[] =>
  subjects.map((subject) => ({ ...subject, idHash: names.get(subject.idHash) ?? subject.idHash }));

/** A row as an entry, or undefined when it is absent or unreadable. */
const entryOf = (row: unknown): AuditEntry | undefined => {
  const parsed = v.safeParse(AuditEntrySchema, row);
  return parsed.success ? parsed.output : undefined;
};

const headOf = (entry: AuditEntry | undefined) => (entry ? { seq: entry.seq, hash: entry.hash } : { seq: 0, hash: GENESIS_HASH });

export const rechainAuditLog = async (
  db: LocketDatabase, { from, to, draft, now, knownIds }: {
    readonly from: AuditKeys; readonly to: AuditKeys; readonly draft: AuditDraft; readonly now: number; readonly knownIds: Iterable<string>;
  },
): Promise<RechainedLog> => {
  const rows = await db.getAll('audit');
  const parsed = rows.map((row) => v.safeParse(AuditEntrySchema, row));
  const readable = parsed.flatMap((result) => (result.success ? [result.output] : []));
  // An unreadable row anywhere: nothing is sealed again past the rows before it.
  const firstUnreadable = parsed.findIndex((result) => !result.success);
  const entries = firstUnreadable === -1 ? readable : readable.slice(0, firstUnreadable);
  const prefix = await verifiedPrefix(from, entries);
  const rest = entries.slice(prefix);
  const lockedRun = rest.every((entry, index) => isUnsealed(entry) && entry.seq === prefix + index + 1);
  const resealable = lockedRun && firstUnreadable === -1 ? entries : entries.slice(0, prefix);
  const names = await renamedIds(from, to, knownIds);
  const resealed = await sealedAfter(to, headOf(undefined), resealable.map((entry) => ({ ...entry, subjects: renamed(entry.subjects, names) })));
  const last = resealable.length === rows.length ? resealed.at(-1) : entryOf(rows.at(-1));
  if (resealable.length !== rows.length && last === undefined) throw new Error('The newest audit entry is unreadable, so no entry can follow it');
  const [entry] = await sealedAfter(to, headOf(last), [{ ...draft, at: now }]);
  if (!entry) throw new Error('No audit entry was prepared');
  const earlier = await sealEarlierAuditKeys(await db.get('meta', EARLIER_AUDIT_KEYS), from, to);
  const newestRead = headOf(entryOf(rows.at(-1)));
  return {
    entry,
    writeIn: async (tx) => {
      const audit = tx.objectStore('audit');
      const newest = headOf(entryOf((await audit.openCursor(null, 'prev'))?.value));
      // Appended to meanwhile: the rechained log would drop that entry.
      if ((await audit.count()) !== rows.length || newest.seq !== newestRead.seq || newest.hash !== newestRead.hash) return STALE;
      const meta = tx.objectStore('meta');
      // Issued one by one and each observed: if one throws as it is issued, the ones before it
      // still reject (aborted) and must not go unhandled.
      const requests: Promise<unknown>[] = [];
      try {
        for (const sealed of resealed) requests.push(audit.put(sealed));
        requests.push(audit.add(entry), meta.put({ seq: entry.seq, hash: entry.hash }, AUDIT_HEAD_KEY), meta.put(earlier, EARLIER_AUDIT_KEYS));
      } finally {
        for (const request of requests) request.catch(() => undefined);
      }
      await Promise.all(requests);
      return entry;
    },
  };
};
