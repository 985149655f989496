/**
 * The audit log: append-only entries, each chained to the one before by an HMAC under the
 * audit key (hash.ts), so an edited or removed entry shows up in verifyChain(), and a copy
 * of the profile cannot recompute the chain after editing it. Entries carry no personal
 * data (kinds, counts, keyed hashes of ids), which is why they are stored in the clear.
 *
 * Invariants: seq runs 1, 2, 3… without gaps; entry n's prevHash is entry n-1's hash
 * (GENESIS for the first); hash = HMAC(audit key, prevHash + canonical JSON of the entry
 * without its hash). The head (last sealed seq and hash) is also kept in `meta`, so
 * dropping the newest entry is caught too. An entry written while locked (a sweep) has no
 * key to hand: it is stored unsealed (prevHash and hash UNSEALED) after the sealed ones,
 * and the next append with the key (the unlock's own entry) seals them in order first.
 * Entries are chained and hashed before the transaction that writes them (HMAC is not
 * IndexedDB work), which refuses them if another context appended meanwhile.
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import { RECORD_KINDS } from '../records/types';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite, STALE, type Participant } from '../db/transaction';
import { canonicalJson, sha256Hex, type AuditKeys } from './hash';

/** Append only: stored entries name these, and a type that disappears would make them unreadable. */
export const AUDIT_TYPES = [
  'export-taken', 'import-done', 'import-undone', 'record-erased', 'subject-access-export',
  'unlocked', 'key-added', 'key-removed', 'password-changed', 'settings-changed',
  'record-deleted', 'record-restored', 'records-purged',
  'backup-made', 'backup-restored', 'snapshot-restored',
  'account-cancelled', 'account-restored', 'retention-rule-applied', 'import-started', 'import-undo-started',
  'recovery-codes-replaced', 'sync-connected', 'sync-disconnected', 'device-added', 'device-removed',
  'member-invited', 'invite-revoked', 'join-confirmed', 'join-declined', 'member-changed', 'member-removed',
  'ownership-transferred', 'two-factor-required', 'recovery-key-made',
  'restored-from-relay',
  'team-cancelled', 'team-restored',
  'records-merged', 'record-converted', 'merge-undone',
  'bulk-change-started', 'bulk-change-done', 'bulk-undo-started', 'bulk-undone',
  'opportunities-moved',
  'track-applied', 'track-step-started',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const GENESIS_HASH = '0'.repeat(64);
/** prevHash and hash of an entry written while locked, until the next unlock chains it. */
export const UNSEALED = '';
/** Where the log gets its key: null while locked. */
export type AuditKeySource = () => Promise<AuditKeys | null>;
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

const hashedText = ({ seq, at, type, by, subjects, detail, prevHash }: Omit<AuditEntry, 'hash'>): string =>
  prevHash + canonicalJson({ seq, at, type, by, subjects, detail, prevHash });

/** The hash an entry must carry: HMAC under the audit key of the previous hash and the entry's canonical JSON. */
export const auditEntryHash = (keys: AuditKeys, entry: Omit<AuditEntry, 'hash'>): Promise<string> => keys.mac(hashedText(entry));

/** The unkeyed SHA-256 chain of earlier versions: checked once, when such a log is chained again with the key. */
export const legacyAuditEntryHash = (entry: Omit<AuditEntry, 'hash'>): Promise<string> => sha256Hex(hashedText(entry));

export const isUnsealed = (entry: AuditEntry): boolean => entry.hash === UNSEALED;

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

const readHead = async (db: LocketDatabase): Promise<{ seq: number; hash: string }> => {
  const stored = v.safeParse(HeadSchema, await db.get('meta', AUDIT_HEAD_KEY));
  return stored.success ? stored.output : { seq: 0, hash: GENESIS_HASH };
};

/** `entries` chained after `head` under the key, in order: seq and prevHash follow on, hash is the key's. */
export const sealedAfter = async (
  keys: AuditKeys, head: { seq: number; hash: string }, entries: readonly (AuditDraft & { readonly at: number })[],
): Promise<AuditEntry[]> => {
  const sealed: AuditEntry[] = [];
  let previous = head;
  for (const { at, type, by, subjects, detail } of entries) {
    const unhashed = { seq: previous.seq + 1, at, type, by, subjects: [...subjects], detail: { ...detail }, prevHash: previous.hash };
    const entry: AuditEntry = { ...unhashed, hash: await auditEntryHash(keys, unhashed) };
    sealed.push(entry);
    previous = entry;
  }
  return sealed;
};

export const createAuditLog = (
  { db, clock, keys }: { readonly db: LocketDatabase; readonly clock: Clock; readonly keys: AuditKeySource },
): AuditLog => {
  /** The newest entry, or null for an empty log. */
  const last = async (): Promise<AuditEntry | null> => {
    const cursor = await db.transaction('audit').store.openCursor(null, 'prev');
    if (!cursor) return null;
    const parsed = v.safeParse(AuditEntrySchema, cursor.value);
    // It has no seq or hash to chain on: refuse, and leave it for verifyChain to report.
    if (!parsed.success) throw new Error('The newest audit entry is unreadable, so no entry can follow it');
    return parsed.output;
  };

  /** Entries written while locked, oldest first: the unsealed run after the sealed head. */
  const unsealedAfter = async (head: { seq: number }): Promise<AuditEntry[]> => {
    const rows = await db.getAll('audit', IDBKeyRange.lowerBound(head.seq, true));
    const entries = rows.flatMap((row) => {
      const parsed = v.safeParse(AuditEntrySchema, row);
      return parsed.success ? [parsed.output] : [];
    });
    // Only a whole, gapless run of unsealed entries is sealed; anything else is left for verifyChain to report.
    const whole = entries.length === rows.length && entries.every((entry, index) => entry.seq === head.seq + index + 1 && isUnsealed(entry));
    return whole ? entries : [];
  };

  /**
   * The writes that add `draft`: with the key, any entries written while locked sealed first and
   * then the new one, all hashed here (HMAC is not IndexedDB work, so never inside the transaction);
   * without it, one unsealed entry. `newest` is the row they were built on.
   */
  const prepared = async (draft: AuditDraft): Promise<{ writes: AuditEntry[]; newHead: AuditEntry | null; newest: AuditEntry | null }> => {
    const key = await keys();
    const newest = await last();
    const fresh = { at: clock.now(), type: draft.type, by: draft.by, subjects: [...draft.subjects], detail: { ...draft.detail } };
    if (!key) {
      const unsealed = { ...fresh, seq: (newest?.seq ?? 0) + 1, prevHash: UNSEALED, hash: UNSEALED };
      return { writes: [v.parse(AuditEntrySchema, unsealed)], newHead: null, newest };
    }
    const storedHead = await readHead(db);
    const pending = newest && isUnsealed(newest) ? await unsealedAfter(storedHead) : [];
    const start = pending.length > 0 || !newest ? storedHead : { seq: newest.seq, hash: newest.hash };
    const writes = (await sealedAfter(key, start, [...pending, fresh])).map((entry) => v.parse(AuditEntrySchema, entry));
    return { writes, newHead: writes.at(-1) ?? null, newest };
  };

  const stage = async (draft: AuditDraft): Promise<Participant<AuditEntry>> => {
    const { writes, newHead, newest } = await prepared(draft);
    const before = newest ? { seq: newest.seq, hash: newest.hash } : { seq: 0, hash: GENESIS_HASH };
    const entry = writes.at(-1);
    if (!entry) throw new Error('No audit entry was prepared');
    return {
      stores: ['audit', 'meta'],
      writeIn: async (tx) => {
        const audit = tx.objectStore('audit');
        const now = headOfRow((await audit.openCursor(null, 'prev'))?.value);
        // Another context appended first: this entry must be chained on its entry instead.
        if (now.seq !== before.seq || now.hash !== before.hash) return STALE;
        await Promise.all([
          // Entries written while locked are rewritten in place, sealed; the new one is added after them.
          ...writes.slice(0, -1).map((sealed) => audit.put(sealed)),
          audit.add(entry),
          ...(newHead ? [tx.objectStore('meta').put({ seq: newHead.seq, hash: newHead.hash }, AUDIT_HEAD_KEY)] : []),
        ]);
        return entry;
      },
    };
  };

  const append = async (draft: AuditDraft): Promise<AuditEntry> => {
    const { receipt } = await retriedWrite(db, {
      subject: { type: 'audit-log' }, stores: [], attempts: APPEND_ATTEMPTS,
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
    const key = await keys();
    if (!key) return { ok: false, seq: 0, reason: 'the log can be checked only while Locket is unlocked' };
    const rows = await readRows(db);
    let expected = { seq: 0, hash: GENESIS_HASH };
    let sealedHead = expected;
    for (const row of rows) {
      const parsed = v.safeParse(AuditEntrySchema, row);
      const seq = expected.seq + 1;
      if (!parsed.success) return { ok: false, seq, reason: 'unreadable entry' };
      const entry = parsed.output;
      if (entry.seq !== seq) return { ok: false, seq, reason: `entry ${seq} is missing` };
      if (isUnsealed(entry) || expected.hash === UNSEALED) {
        // Written while locked: nothing to check but its place, and only unsealed entries may follow it.
        if (!isUnsealed(entry) || entry.prevHash !== UNSEALED) return { ok: false, seq, reason: 'does not follow the entry before it' };
        expected = { seq, hash: UNSEALED };
        continue;
      }
      if (entry.prevHash !== expected.hash) return { ok: false, seq, reason: 'does not follow the entry before it' };
      if ((await auditEntryHash(key, entry)) !== entry.hash) return { ok: false, seq, reason: 'altered after it was written' };
      expected = { seq: entry.seq, hash: entry.hash };
      sealedHead = expected;
    }
    const storedHead = await readHead(db);
    if (storedHead.seq !== sealedHead.seq || storedHead.hash !== sealedHead.hash) {
      return { ok: false, seq: storedHead.seq, reason: 'newest entries are missing' };
    }
    return { ok: true, count: rows.length };
  };

  return { append, stage, entries, entriesAbout, verifyChain };
};
