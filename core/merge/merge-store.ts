import type { AuditLog } from '../audit/audit-log';
import type { StoreDeps } from '../db/store-deps';
import type { MergeStore } from './contract';
import { createConvertRecord } from './convert-record';
import { createMergeRecords } from './merge-records';
import { createUndoMerge } from './merge-undo';
import { markNotDuplicates, readNotDuplicates } from './not-duplicates';

/** Merging duplicates, converting a person into an organisation and back, and undoing either. */
export const createMergeStore = (deps: StoreDeps, audit: AuditLog): MergeStore => ({
  mergeRecords: createMergeRecords(deps, audit),
  convertRecord: createConvertRecord(deps, audit),
  undoMerge: createUndoMerge(deps, audit),
  readNotDuplicates: () => readNotDuplicates(deps.db),
  markNotDuplicates: (a, b) => markNotDuplicates(deps.db, a, b),
});
