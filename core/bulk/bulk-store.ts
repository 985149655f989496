/**
 * Bulk changes through the one batch mechanism imports use (imports/import-batch.ts): each is
 * one batch id in the change log, its `bulk-change-started` entry committed with its first
 * transaction, and undone as one by the same undo. A move to the trash is the trash's own move
 * (trash/move-to-trash.ts), its sets tagged with the batch id, which the undo brings back.
 */
import type { AuditDraft, AuditLog } from '../audit/audit-log';
import { BULK_BATCH_PREFIX, type BatchWrites, type PlannedEdit } from '../imports/import-batch-types';
import type { RecordId } from '../records/types';
import { writeFailureOf, type WriteFailure } from '../db/store-errors';
import type { StoreDeps } from '../db/store-deps';
import { moveToTrash } from '../trash/move-to-trash';
import { bulkEdit } from './bulk-edits';
import { createListBulkChanges } from './bulk-history';
import type { BulkAction, BulkStore, TagCount } from './bulk-types';

/** Records asked for per trash transaction (their notes go along), as removeMany does. */
export const BULK_TRASH_SIZE = 1000;
const READ_BATCH = 1000;

type Applied = { readonly written: number; readonly failure: WriteFailure | null };

export const createBulkStore = (deps: StoreDeps, audit: AuditLog, batches: BatchWrites, reads: {
  readonly forEachBatch: (size: number, visit: (records: readonly { readonly id: RecordId; readonly fields: object }[]) => void) => Promise<void>;
}): BulkStore => {
  const entry = (type: AuditDraft['type'], detail: AuditDraft['detail']): AuditDraft => ({ type, by: deps.author, subjects: [], detail });

  const trashInBatches = async (batchId: string, ids: readonly RecordId[], started: AuditDraft, onProgress?: (handled: number) => void): Promise<Applied> => {
    let written = 0;
    for (let start = 0; start < ids.length; start += BULK_TRASH_SIZE) {
      const slice = ids.slice(start, start + BULK_TRASH_SIZE);
      const asked = new Set(slice);
      try {
        const first = written === 0;
        const moved = await moveToTrash(deps, slice, () => (first ? audit.stage(started) : Promise.resolve(null)), batchId);
        written += moved.filter((row) => asked.has(row.id)).length;
      } catch (error) {
        return { written, failure: writeFailureOf(error) };
      }
      onProgress?.(Math.min(ids.length, start + BULK_TRASH_SIZE));
    }
    return { written, failure: null };
  };

  const applyBulk: BulkStore['applyBulk'] = async (ids, action, onProgress) => {
    const unique = [...new Set(ids)];
    const batchId = `${BULK_BATCH_PREFIX}${deps.newId()}`;
    const started = entry('bulk-change-started', { batchId, action: action.type, planned: unique.length });
    let applied: Applied;
    if (action.type === 'trash') {
      applied = await trashInBatches(batchId, unique, started, onProgress);
    } else {
      const edit = bulkEdit(action);
      const items: PlannedEdit[] = unique.map((id) => ({ op: 'edit', id, edit }));
      const report = await batches.applyBatch(batchId, items, () => started, onProgress);
      applied = { written: report.written, failure: report.failure?.reason ?? null };
    }
    if (applied.failure) {
      // Nothing half-done: what the transactions before the failing one wrote is undone as one.
      if (applied.written > 0) await undoBulk(batchId);
      await audit.append(entry('bulk-change-done', { batchId, changed: 0, failed: unique.length }));
      return { batchId: null, changed: 0, unchanged: unique.length, failure: applied.failure };
    }
    if (applied.written > 0) await audit.append(entry('bulk-change-done', { batchId, changed: applied.written, failed: 0 }));
    return { batchId: applied.written > 0 ? batchId : null, changed: applied.written, unchanged: unique.length - applied.written, failure: null };
  };

  const undoBulk: BulkStore['undoBulk'] = async (batchId) => {
    const report = await batches.undoBatch(batchId, (id) => entry('bulk-undo-started', { batchId: id }));
    await audit.append(entry('bulk-undone', { batchId, restored: report.restored, skipped: report.skipped.length }));
    return report;
  };

  const tagged = async (wanted: (tag: string) => boolean): Promise<RecordId[]> => {
    const ids: RecordId[] = [];
    await reads.forEachBatch(READ_BATCH, (records) => {
      for (const record of records) if (tagsOf(record.fields).some(wanted)) ids.push(record.id);
    });
    return ids;
  };

  const tagCounts: BulkStore['tagCounts'] = async () => {
    const counts = new Map<string, number>();
    await reads.forEachBatch(READ_BATCH, (records) => {
      for (const record of records) for (const tag of tagsOf(record.fields)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    });
    return [...counts].map(([tag, count]): TagCount => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
  };

  const renameTag: BulkStore['renameTag'] = async (from, to) => {
    const action: BulkAction = { type: 'rename-tag', from, to };
    return applyBulk(await tagged((tag) => tag.toLocaleLowerCase() === from.toLocaleLowerCase()), action);
  };

  return { applyBulk, undoBulk, listBulkChanges: createListBulkChanges(deps), tagCounts, renameTag };
};

const tagsOf = (fields: object): readonly string[] => {
  const tags: unknown = (fields as Record<string, unknown>).tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
};
