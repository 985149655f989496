/**
 * Restore: replaces every record, the settings and the change log in ONE transaction, with
 * the audit log's new entries, so a restore either happened whole or not at all. Everything
 * is validated, encoded and hashed before it opens. The vault (password, keys) is never touched.
 *
 * The change log starts again with one `restore` change per record (values `{}`: the rows are
 * the state). The audit log loses nothing: when this log already holds the backup's (same
 * entries, same hashes: a backup of this account) it is kept whole; otherwise it becomes the
 * backup's verified chain followed by every entry of this log from where the two part (so
 * what was logged since the backup, erasures included, stays, and a later restore cannot
 * bring an erased person back either), chained again under this account's audit key. Then
 * the restore entry, whose detail names the replaced log's head. Entries written while
 * locked are sealed here too.
 */
import * as v from 'valibot';
import { createAuditLog, isUnsealed, type AuditDraft, type AuditEntry } from '../audit/audit-log';
import { readEarlierAuditKeys } from '../audit/earlier-keys';
import { auditKeysFrom, idHash, legacyIdHash } from '../audit/hash';
import { BACKUP_DAMAGED, type BackupProblem } from '../backup/types';
import { RECORD_KINDS, type RecordKind } from '../records/types';
import { migrateTeamSettings } from '../settings/settings';
import type { Result } from '../result';
import { SNAPSHOT_DAMAGED, type SnapshotProblem } from '../snapshots/snapshots';
import {
  AUDIT_HEAD_KEY, AuditEntrySchema, chainedEntries, chainVerifies, EMPTY_HEAD, erasedIdHashes, headOf, type AuditHead,
} from './archive-audit';
import { prepareRestore, type IdHasher, type PreparedRestore, type RestoreSource } from './archive-prepare';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE, type Stale } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';
import { writeEach } from '../db/bare-requests';
import { markUnloggedChange } from '../db/unlogged-mark';

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
  /**
   * The id of the snapshot the caller is taking of the data as it is, named in the audit entry
   * so the restore can be undone. It is taken while the restore is checked and encoded (work for
   * the CPU while the snapshot's is IndexedDB's); nothing is replaced before it resolves, and a
   * rejection stops the restore before anything is written.
   */
  readonly safetySnapshot: Promise<string>;
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

/** How many leading entries the two logs share (same seq and hash). */
const sharedPrefix = (current: readonly AuditEntry[], backup: readonly AuditEntry[]): number => {
  let shared = 0;
  while (shared < current.length && shared < backup.length
    && current[shared]?.hash === backup[shared]?.hash && current[shared]?.seq === backup[shared]?.seq && current[shared]?.hash !== '') shared++;
  return shared;
};

interface LogPlan {
  /** True when the log is cleared and written again from its first entry. */
  readonly rewrite: boolean;
  /** The head the new entries follow. */
  readonly head: AuditHead;
  /** Entries to chain after `head`, in order: kept ones (with their own times), then the restore's. */
  readonly entries: readonly (AuditDraft & { readonly at?: number })[];
  readonly carried: number;
}

const logPlan = (current: readonly AuditEntry[], backupLog: readonly AuditEntry[] | null): LogPlan => {
  const firstUnsealed = current.findIndex(isUnsealed);
  const sealed = firstUnsealed === -1 ? current : current.slice(0, firstUnsealed);
  const shared = backupLog ? sharedPrefix(current, backupLog) : sealed.length;
  if (!backupLog || shared === backupLog.length) {
    // A snapshot, or a backup of this very log: keep it, and seal what was written while locked.
    return { rewrite: false, head: headOf(sealed), entries: current.slice(sealed.length), carried: 0 };
  }
  const since = current.slice(shared);
  return { rewrite: true, head: EMPTY_HEAD, entries: [...backupLog, ...since], carried: since.length };
};

export const replaceAllData = async (
  deps: StoreDeps, source: RestoreSource, options: ReplaceAllOptions,
): Promise<Result<ReplaceReport, BackupProblem | SnapshotProblem>> => {
  const { db, clock } = deps;
  // Observed now, awaited once what is to be written is ready: a snapshot that fails first is not an unhandled rejection.
  options.safetySnapshot.catch(() => undefined);
  const keys = auditKeysOf(deps);
  const damaged = { ok: false, error: source.from === 'backup' ? BACKUP_DAMAGED : SNAPSHOT_DAMAGED } as const;
  const backupKeys = source.from === 'backup' && source.auditKey ? auditKeysFrom(source.auditKey) : null;
  if (source.from === 'backup' && !(await chainVerifies(source.audit, backupKeys))) return damaged;
  const backupLog = source.from === 'backup' ? source.audit : [];
  // Erasures logged before the account key was replaced keep that key's id hashes (audit/earlier-keys.ts).
  const earlierKeys = await readEarlierAuditKeys(db, keys);
  const hashers: IdHasher[] = [
    (id) => idHash(keys, id), legacyIdHash, ...[...earlierKeys, ...(backupKeys ? [backupKeys] : [])].map((other) => (id: string) => idHash(other, id)),
  ];
  /** Prepared once, and again only if the erasures it left out changed meanwhile. */
  const plan: { erased?: string; prepared?: PreparedRestore } = {};

  const { value: outcome } = await retriedWrite(db, {
    subject: { type: 'audit-log-during-restore' },
    stores: ['records', 'changes', 'settings', 'audit', 'meta', 'outbox'],
    prepare: async () => {
      // Read again on every attempt: an erasure logged meanwhile must keep its person out of this restore too.
      const current = await createAuditLog({ db, clock, keys: async () => deps.auditKeys }).entries();
      const erasedHashes = erasedIdHashes([...current, ...backupLog]);
      const erased = [...erasedHashes].sort().join(',');
      if (!plan.prepared || plan.erased !== erased) {
        const prepared = await prepareRestore(deps, source, erasedHashes, hashers, options.onProgress ?? (() => undefined));
        if (!prepared.ok) return settled<Written | null>(null);
        plan.erased = erased;
        plan.prepared = prepared.value;
      }
      const { rows, skippedErased } = plan.prepared;
      const safetySnapshot = await options.safetySnapshot;
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
          safetySnapshot, replacedHeadSeq: replacedHead.seq, replacedHeadHash: replacedHead.hash,
          ...(source.from === 'snapshot' ? { snapshot: source.snapshotId } : {}),
        },
      };
      const log = logPlan(current, source.from === 'backup' ? backupLog : null);
      const drafts = [...log.entries, { ...restoreEntry, detail: { ...restoreEntry.detail, carriedEntries: log.carried } }];
      // Hashed here: the audit key's HMAC is not IndexedDB work, so it cannot run inside the transaction.
      const appended = await chainedEntries(keys, log.head, drafts, clock.now());
      return { prepared: plan.prepared, report, replacedHead, rewrite: log.rewrite, appended };
    },
    write: async (tx, { prepared: { rows, changeSets, settingsRows }, report, replacedHead, rewrite, appended }): Promise<Written | Stale> => {
      const audit = tx.objectStore('audit');
      const headNow = headOfRow((await audit.openCursor(null, 'prev'))?.value);
      if (headNow.seq !== replacedHead.seq || headNow.hash !== replacedHead.hash) return STALE;
      const records = tx.objectStore('records');
      const settings = tx.objectStore('settings');
      const changes = tx.objectStore('changes');
      const before = await records.getAllKeys();
      await Promise.all([records.clear(), changes.clear(), settings.clear(), ...(rewrite ? [audit.clear()] : [])]);
      await Promise.all([
        writeEach(records, rows, 'put'),
        ...changeSets.map((set) => appendChangeSet(tx, set)),
        ...settingsRows.map((row) => settings.put(row.value, row.key)),
        // put: entries written while locked are sealed in place.
        ...appended.map((entry) => audit.put(entry)),
        tx.objectStore('meta').put(headOf(appended), AUDIT_HEAD_KEY),
        markUnloggedChange(tx.objectStore('meta')),
      ]);
      return { report, ids: [...new Set([...before, ...rows.map((row) => row.id)])], restored: rows.length };
    },
  });
  if (!outcome) return damaged;
  // The restored team settings sit in the `general` row (archive-prepare.ts): into their group rows, under new clocks.
  await migrateTeamSettings(deps);
  // Every surface refreshes: records that went away as well as those that came back.
  deps.bus.publish({ ids: outcome.ids, kinds: [...RECORD_KINDS], settings: true });
  options.onProgress?.(outcome.restored, outcome.restored);
  return { ok: true, value: outcome.report };
};
