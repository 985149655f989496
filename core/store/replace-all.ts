/**
 * Restore: replaces every record, the settings and the change log (and, from a backup, the
 * audit log) in ONE transaction, so a restore either happened whole or not at all. Everything
 * is validated, encoded and hashed before it opens. The vault (password, keys) is never touched.
 *
 * The change log starts again with one `restore` change per record (values `{}`: the rows are
 * the state). The restore is logged in the same transaction: from a backup, the log becomes the
 * backup's verified chain, then the erasures only the replaced log knew (so a later restore
 * cannot bring those people back either), then the restore entry, whose detail names the
 * replaced log's head.
 */
import * as v from 'valibot';
import { createAuditLog, type AuditDraft, type AuditEntry } from '../audit/audit-log';
import { BACKUP_DAMAGED } from '../backup/types';
import { RECORD_KINDS, type RecordKind, type Result } from '../records/types';
import { SNAPSHOT_DAMAGED } from '../snapshots/snapshots';
import {
  AUDIT_HEAD_KEY, AuditEntrySchema, chainedEntries, chainVerifies, EMPTY_HEAD, erasedIdHashes, headOf, type AuditHead,
} from './archive-audit';
import { prepareRestore, type PreparedRestore, type RestoreSource } from './archive-prepare';
import type { StoreDeps } from './store-deps';
import { retriedWrite, settled, STALE, type Stale } from './transaction';

export type { RestoreSource } from './archive-prepare';

/** What a restore put back (the safety snapshot is the caller's). */
export interface ReplaceReport {
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  readonly settings: boolean;
  /** Entries of the backup's audit log now in place (0 for a snapshot, which leaves the log alone). */
  readonly auditEntries: number;
  readonly skippedErased: number;
}

export interface ReplaceAllOptions {
  /** The snapshot taken just before, named in the audit entry so the restore can be undone. */
  readonly safetySnapshotId: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the transaction wrote: the report, and every id a surface must refresh. */
interface Written {
  readonly report: ReplaceReport;
  readonly ids: readonly string[];
  readonly restored: number;
}

const headOfRow = (row: unknown): AuditHead => {
  const parsed = v.safeParse(AuditEntrySchema, row);
  return parsed.success ? { seq: parsed.output.seq, hash: parsed.output.hash } : EMPTY_HEAD;
};

const countsByKind = (prepared: PreparedRestore): Partial<Record<RecordKind, number>> => {
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const row of prepared.rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
};

/** Erasures the replaced log recorded that the backup's log does not: carried into the new log. */
const carriedErasures = (current: readonly AuditEntry[], backup: readonly AuditEntry[]): AuditDraft[] => {
  const known = erasedIdHashes(backup);
  return current
    .filter((entry) => entry.type === 'record-erased' && entry.subjects.some((subject) => !known.has(subject.idHash)))
    .map((entry) => ({
      type: 'record-erased', by: entry.by, subjects: entry.subjects,
      detail: { ...entry.detail, carriedOver: true, erasedAt: entry.at },
    }));
};

export const replaceAllData = async (
  deps: StoreDeps, source: RestoreSource, options: ReplaceAllOptions,
): Promise<Result<ReplaceReport, string>> => {
  const { db, clock } = deps;
  const damaged = { ok: false, error: source.from === 'backup' ? BACKUP_DAMAGED : SNAPSHOT_DAMAGED } as const;
  if (source.from === 'backup' && !(await chainVerifies(source.audit))) return damaged;
  const backupLog = source.from === 'backup' ? source.audit : [];
  /** Prepared once, and again only if the erasures it left out changed meanwhile. */
  const plan: { erased?: string; prepared?: PreparedRestore } = {};

  const { value: outcome } = await retriedWrite(db, {
    subject: 'The audit log during a restore',
    stores: ['records', 'changes', 'settings', 'audit', 'meta'],
    prepare: async () => {
      // Read again on every attempt: an erasure logged meanwhile must keep its person out of this restore too.
      const current = await createAuditLog({ db, clock }).entries();
      const erasedHashes = erasedIdHashes([...current, ...backupLog]);
      const erased = [...erasedHashes].sort().join(',');
      if (!plan.prepared || plan.erased !== erased) {
        const prepared = await prepareRestore(deps, source, erasedHashes, options.onProgress ?? (() => undefined));
        if (!prepared.ok) return settled<Written | null>(null);
        plan.erased = erased;
        plan.prepared = prepared.value;
      }
      const { rows, skippedErased } = plan.prepared;
      const report: ReplaceReport = {
        records: countsByKind(plan.prepared), settings: plan.prepared.settingsRows.length > 0, auditEntries: backupLog.length, skippedErased,
      };
      const replacedHead = headOfRow((await db.transaction('audit').store.openCursor(null, 'prev'))?.value);
      const restoreEntry: AuditDraft = {
        type: source.from === 'backup' ? 'backup-restored' : 'snapshot-restored',
        by: deps.author,
        subjects: [],
        detail: {
          ...report.records, records: rows.length, settings: report.settings, auditEntries: report.auditEntries, skippedErased,
          safetySnapshot: options.safetySnapshotId, replacedHeadSeq: replacedHead.seq, replacedHeadHash: replacedHead.hash,
          ...(source.from === 'snapshot' ? { snapshot: source.snapshotId } : {}),
        },
      };
      const drafts = source.from === 'backup' ? [...carriedErasures(current, backupLog), restoreEntry] : [restoreEntry];
      const appended = await chainedEntries(source.from === 'backup' ? headOf(backupLog) : replacedHead, drafts, clock.now());
      return { prepared: plan.prepared, report, replacedHead, appended };
    },
    write: async (tx, { prepared: { rows, changeSets, settingsRows }, report, replacedHead, appended }): Promise<Written | Stale> => {
      const audit = tx.objectStore('audit');
      const headNow = headOfRow((await audit.openCursor(null, 'prev'))?.value);
      if (headNow.seq !== replacedHead.seq || headNow.hash !== replacedHead.hash) return STALE;
      const records = tx.objectStore('records');
      const settings = tx.objectStore('settings');
      const changes = tx.objectStore('changes');
      const before = await records.getAllKeys();
      await Promise.all([records.clear(), changes.clear(), settings.clear(), ...(source.from === 'backup' ? [audit.clear()] : [])]);
      await Promise.all([
        ...rows.map((row) => records.put(row)),
        ...changeSets.map((set) => changes.add(set)),
        ...settingsRows.map((row) => settings.put(row.value, row.key)),
        ...backupLog.map((entry) => audit.put(entry)),
        ...appended.map((entry) => audit.add(entry)),
        tx.objectStore('meta').put(headOf(appended), AUDIT_HEAD_KEY),
      ]);
      return { report, ids: [...new Set([...before, ...rows.map((row) => row.id)])], restored: rows.length };
    },
  });
  if (!outcome) return damaged;
  // Every surface refreshes: records that went away as well as those that came back.
  deps.bus.publish({ ids: outcome.ids, kinds: [...RECORD_KINDS], settings: true });
  options.onProgress?.(outcome.restored, outcome.restored);
  return { ok: true, value: outcome.report };
};
