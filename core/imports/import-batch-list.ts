/**
 * The imports in the change log, newest first. Import sets are found through the byBatch
 * index (keys first, then only those sets); an undo's sets carry `undoOf`, counted through
 * the byUndo index.
 */
import { parseHlc } from '../hlc';
import type { StoredChangeSet } from '../db/rows';
import { BULK_BATCH_PREFIX, type ImportBatchSummary, type ListImports } from './import-batch-types';
import type { LocketDatabase } from '../db/schema';

const READ_PAGE = 100;

interface BatchSets {
  readonly firstHlc: string;
  created: number;
  updated: number;
}

export const readSets = async (db: LocketDatabase, keys: readonly string[]): Promise<StoredChangeSet[]> => {
  const sets: StoredChangeSet[] = [];
  for (let start = 0; start < keys.length; start += READ_PAGE) {
    const store = db.transaction('changes').store;
    const page = await Promise.all(keys.slice(start, start + READ_PAGE).map((key) => store.get(key)));
    for (const set of page) if (set) sets.push(set);
  }
  return sets;
};

export const createListImports = (db: LocketDatabase): ListImports => async () => {
  // Index order is (batchId, hlc): a batch's first set read is its earliest.
  const keys = await db.getAllKeysFromIndex('changes', 'byBatch');
  const batches = new Map<string, BatchSets>();
  for (const set of await readSets(db, keys)) {
    // Bulk changes share the batch mechanism but have their own history.
    if (set.batchId === undefined || set.batchId.startsWith(BULK_BATCH_PREFIX)) continue;
    let batch = batches.get(set.batchId);
    if (!batch) {
      batch = { firstHlc: set.hlc, created: 0, updated: 0 };
      batches.set(set.batchId, batch);
    }
    for (const change of set.changes) {
      if (change.op === 'create') batch.created++;
      else if (change.op === 'update') batch.updated++;
    }
  }
  const newestFirst = [...batches].sort(([, a], [, b]) => (a.firstHlc < b.firstHlc ? 1 : a.firstHlc > b.firstHlc ? -1 : 0));
  return Promise.all(newestFirst.map(async ([batchId, batch]): Promise<ImportBatchSummary> => ({
    batchId,
    importedAt: parseHlc(batch.firstHlc)?.wallMs ?? 0,
    created: batch.created,
    updated: batch.updated,
    undone: (await db.countFromIndex('changes', 'byUndo', batchId)) > 0,
  })));
};
