/**
 * The audit log: append-only entries, each chained to the one before by a SHA-256 hash, so
 * an edited or removed entry shows up in verifyChain(). Entries carry no personal data
 * (kinds, counts, hashes of ids), which is why they are stored in the clear.
 *
 * Invariants: seq runs 1, 2, 3… without gaps; entry n's prevHash is entry n-1's hash
 * (GENESIS for the first); hash = SHA-256(prevHash + canonical JSON of the entry without
 * its hash). The head (last seq and hash) is also kept in `meta`, so dropping the newest
 * entry is caught too, unless both are rewritten together.
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import { RECORD_KINDS } from '../records/types';
import type { LocketDatabase } from '../store/schema';
import { retriedWrite, STALE, type Participant } from '../store/transaction';
import { canonicalJson, sha256Hex } from './hash';

/** Append only: stored entries name these, and a type that disappears would make them unreadable. */
export const AUDIT_TYPES = [
  'export-taken', 'import-done', 'import-undone', 'record-erased', 'subject-access-export',
  'unlocked', 'key-added', 'key-removed', 'password-changed', 'settings-changed',
  'record-deleted', 'record-restored', 'records-purged',
  'backup-made', 'backup-restored', 'snapshot-restored',
  'account-cancelled', 'account-restored', 'retention-rule-applied',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const GENESIS_HASH = '0'.repeat(64);
/** The meta key the head (newest seq and hash) is kept under. */
export const AUDIT_HEAD_KEY = 'audit-head';
const PAGE = 1000;
/** Appends from many contexts may race for the same seq; each retry rebuilds on the new head. */
const APPEND_ATTEMPTS = 5;

const SubjectSchema = v.object({ kind: v.picklist(RECORD_KINDS), idHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) });
const DetailSchema = v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]));
export const AuditEntrySchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: v.number(),
  type: v.picklist(AUDIT_TYPES),
  by: v.string(),
  subjects: v.array(SubjectSchema),
  detail: DetailSchema,
  prevHash: v.string(),
  hash: v.string(),
});
const HeadSchema = v.object({ seq: v.number(), hash: v.string() });
const SeqSchema = v.object({ seq: v.number() });

export type AuditSubject = v.InferOutput<typeof SubjectSchema>;
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

/** What a caller gives: never names, emails or free text, only kinds, counts and hashes. */
export interface AuditDraft {
  readonly type: AuditType;
  readonly by: string;
  readonly subjects: readonly AuditSubject[];
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

export type ChainCheck =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

export interface AuditLog {
  readonly append: (draft: AuditDraft) => Promise<AuditEntry>;
  /**
   * The entry for `draft`, chained and hashed on the current head, to be written inside another
   * write's transaction (retriedWrite's receipt): it is STALE there if the head has moved.
   */
  readonly stage: (draft: AuditDraft) => Promise<Participant<AuditEntry>>;
  /** Every entry, oldest first, read in pages. */
  readonly entries: () => Promise<AuditEntry[]>;
  /** The entries that name a record by this id hash. */
  readonly entriesAbout: (idHash: string) => Promise<AuditEntry[]>;
  readonly verifyChain: () => Promise<ChainCheck>;
}

/** The hash an entry must carry: SHA-256 of the previous hash and the entry's canonical JSON. */
export const auditEntryHash = (entry: Omit<AuditEntry, 'hash'>): Promise<string> => {
  const { seq, at, type, by, subjects, detail, prevHash } = entry;
  return sha256Hex(prevHash + canonicalJson({ seq, at, type, by, subjects, detail, prevHash }));
};

/** Raw rows, oldest first, a page at a time (a tampered row is returned as is, for verifyChain to judge). */
const readRows = async (db: LocketDatabase): Promise<unknown[]> => {
  const rows: unknown[] = [];
  let after = 0;
  for (;;) {
    const page = await db.getAll('audit', IDBKeyRange.lowerBound(after, true), PAGE);
    rows.push(...page);
    // The store's key path is `seq`, so a stored row's seq is its key: no second read for keys.
    const last = v.safeParse(SeqSchema, page.at(-1));
    if (page.length < PAGE || !last.success) return rows;
    after = last.output.seq;
  }
};

/** The head a stored row makes: an unreadable newest row counts as an empty log, as verifyChain will report. */
const headOfRow = (row: unknown): { seq: number; hash: string } => {
  const last = v.safeParse(AuditEntrySchema, row);
  return last.success ? { seq: last.output.seq, hash: last.output.hash } : { seq: 0, hash: GENESIS_HASH };
};

export const createAuditLog = ({ db, clock }: { readonly db: LocketDatabase; readonly clock: Clock }): AuditLog => {
  const head = async (): Promise<{ seq: number; hash: string }> =>
    headOfRow((await db.transaction('audit').store.openCursor(null, 'prev'))?.value);

  const stage = async (draft: AuditDraft): Promise<Participant<AuditEntry>> => {
    const previous = await head();
    const unhashed = {
      seq: previous.seq + 1, at: clock.now(), type: draft.type, by: draft.by,
      subjects: [...draft.subjects], detail: { ...draft.detail }, prevHash: previous.hash,
    };
    const entry: AuditEntry = v.parse(AuditEntrySchema, { ...unhashed, hash: await auditEntryHash(unhashed) });
    return {
      stores: ['audit', 'meta'],
      writeIn: async (tx) => {
        const audit = tx.objectStore('audit');
        const now = headOfRow((await audit.openCursor(null, 'prev'))?.value);
        // Another context appended first: this entry must be chained on its entry instead.
        if (now.seq !== previous.seq || now.hash !== previous.hash) return STALE;
        await Promise.all([audit.add(entry), tx.objectStore('meta').put({ seq: entry.seq, hash: entry.hash }, AUDIT_HEAD_KEY)]);
        return entry;
      },
    };
  };

  const append = async (draft: AuditDraft): Promise<AuditEntry> => {
    const { receipt } = await retriedWrite(db, {
      subject: 'The audit log', stores: [], attempts: APPEND_ATTEMPTS,
      prepare: async () => draft, write: async () => null, receipt: stage,
    });
    if (!receipt) throw new Error('The audit entry was not written');
    return receipt;
  };

  const entries = async (): Promise<AuditEntry[]> =>
    (await readRows(db)).flatMap((row) => {
      const parsed = v.safeParse(AuditEntrySchema, row);
      return parsed.success ? [parsed.output] : [];
    });

  const entriesAbout = async (hash: string): Promise<AuditEntry[]> =>
    (await entries()).filter((entry) => entry.subjects.some((subject) => subject.idHash === hash));

  const verifyChain = async (): Promise<ChainCheck> => {
    const rows = await readRows(db);
    let expected = { seq: 0, hash: GENESIS_HASH };
    for (const row of rows) {
      const parsed = v.safeParse(AuditEntrySchema, row);
      const seq = expected.seq + 1;
      if (!parsed.success) return { ok: false, seq, reason: 'unreadable entry' };
      const entry = parsed.output;
      if (entry.seq !== seq) return { ok: false, seq, reason: `entry ${seq} is missing` };
      if (entry.prevHash !== expected.hash) return { ok: false, seq, reason: 'does not follow the entry before it' };
      if ((await auditEntryHash(entry)) !== entry.hash) return { ok: false, seq, reason: 'altered after it was written' };
      expected = { seq: entry.seq, hash: entry.hash };
    }
    const stored = v.safeParse(HeadSchema, await db.get('meta', AUDIT_HEAD_KEY));
    const storedHead = stored.success ? stored.output : { seq: 0, hash: GENESIS_HASH };
    if (storedHead.seq !== expected.seq || storedHead.hash !== expected.hash) {
      return { ok: false, seq: storedHead.seq, reason: 'newest entries are missing' };
    }
    return { ok: true, count: rows.length };
  };

  return { append, stage, entries, entriesAbout, verifyChain };
};
