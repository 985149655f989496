import { createAuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { createIsSuppressed, createSuppressionCheck } from '../audit/suppression';
import type { LocketStore } from './contract';
import { createErase } from '../erasure/erase';
import { createImportBatch } from '../imports/import-batch';
import { createBulkStore } from '../bulk/bulk-store';
import { createListImports } from '../imports/import-batch-list';
import { createMergeStore } from '../merge/merge-store';
import { createBulkInsert } from '../record-store/bulk-insert';
import { createRecordReads } from '../record-store/record-reads';
import { createRecordWrites } from '../record-store/record-writes';
import { readSettings, writeSettings } from '../settings/settings';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { createTrash } from '../trash/trash';
import { createApplyTrack } from '../tracks/apply-track';

export type { StoreDeps } from '../db/store-deps';

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
      const saved = await writeSettings(db, codec, input, (changed) =>
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
    ...createBulkStore(deps, audit, { applyBatch, undoBatch }, reads),
    listImports: createListImports(db),
    ...createMergeStore(deps, audit),
    applyTrack: createApplyTrack(deps, audit),
    close: () => db.close(),
  };
};
