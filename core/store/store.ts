import { createAuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { createIsSuppressed, createSuppressionCheck } from '../audit/suppression';
import type { LocketStore } from './contract';
import { createErase } from '../erasure/erase';
import { createImportBatch } from '../imports/import-batch';
import type { BulkStore } from '../bulk/bulk-types';
import { createListImports } from '../imports/import-batch-list';
import type { MergeStore } from '../merge/contract';
import { createBulkInsert } from '../record-store/bulk-insert';
import { createRecordReads } from '../record-store/record-reads';
import { createRecordWrites } from '../record-store/record-writes';
import { readSettings, writeSettings } from '../settings/settings';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { createTrash } from '../trash/trash';
import type { ApplyTrack } from '../tracks/apply-track';
import type { StartNextTrackStep } from '../tracks/start-next-step';
import { loadOnUse } from './load-on-use';

export type { StoreDeps } from '../db/store-deps';

// Rarely used capabilities load on first use (load-on-use.ts); every operation is named here, so none is missed.
const BULK_OPS: Record<keyof BulkStore, true> = { applyBulk: true, undoBulk: true, listBulkChanges: true, tagCounts: true, renameTag: true };
const MERGE_OPS: Record<keyof MergeStore, true> = {
  mergeRecords: true, convertRecord: true, undoMerge: true, readNotDuplicates: true, markNotDuplicates: true,
};

type TrackOps = { readonly applyTrack: ApplyTrack; readonly startNextTrackStep: StartNextTrackStep };

/**
 * The one module every write goes through: validate, encode, then one transaction for the
 * records and their one change set, then announce on the bus once it has committed.
 * The bus belongs to the caller: close() closes the database only.
 */
export const createStore = (deps: StoreDeps): LocketStore => {
  const { db, codec, bus } = deps;
  const audit = createAuditLog({ db, clock: deps.clock, keys: async () => deps.auditKeys });
  const { applyBatch, undoBatch, applyImport, undoImport } = createImportBatch(deps, audit);
  const reads = createRecordReads(deps);
  return {
    ...createRecordWrites(deps, audit),
    ...reads,
    ...createTrash(deps, audit),
    insertMany: createBulkInsert(deps),
    getSettings: () => readSettings(db, codec),
    saveSettings: async (input) => {
      // Names of the fields only: their values (the owner's name and email) stay out of the log.
      const saved = await writeSettings(deps, input, (changed) =>
        audit.stage({ type: 'settings-changed', by: deps.author, subjects: [], detail: { fields: changed.join(',') } }));
      if (!saved.ok) return saved;
      bus.publish({ ids: [], kinds: [], settings: true });
      return { ok: true, value: saved.value.settings };
    },
    erase: createErase(deps, audit),
    audit,
    auditIdHash: (id) => idHash(auditKeysOf(deps), id),
    isSuppressed: createIsSuppressed(db, deps.auditKeys),
    suppressionCheck: createSuppressionCheck(db, deps.auditKeys),
    applyImport,
    undoImport,
    ...loadOnUse<BulkStore>(BULK_OPS, async () => (await import('../bulk/bulk-store')).createBulkStore(deps, audit, { applyBatch, undoBatch }, reads)),
    listImports: createListImports(db),
    ...loadOnUse<MergeStore>(MERGE_OPS, async () => (await import('../merge/merge-store')).createMergeStore(deps, audit)),
    ...loadOnUse<TrackOps>({ applyTrack: true, startNextTrackStep: true }, async () => {
      const [applying, starting] = await Promise.all([import('../tracks/apply-track'), import('../tracks/start-next-step')]);
      return {
        applyTrack: applying.createApplyTrack(deps, audit),
        startNextTrackStep: starting.createStartNextTrackStep(deps, audit, { ...reads, getSettings: () => readSettings(db, codec) }),
      };
    }),
    close: () => db.close(),
  };
};
