/**
 * The records of the newest import that was not undone, for the "Last import" list: the ids its
 * change sets created or updated (the change log names them in the clear, under the batch id).
 */
import type { ListImports } from '../imports/import-batch-types';
import type { LocketDatabase } from '../db/schema';
import type { RecordId } from '../records/types';

export const lastImportIds = async (db: LocketDatabase, listImports: ListImports): Promise<ReadonlySet<RecordId>> => {
  const newest = (await listImports()).find((batch) => !batch.undone);
  if (!newest) return new Set();
  const sets = await db.getAllFromIndex('changes', 'byBatch', newest.batchId);
  const ids = new Set<RecordId>();
  for (const set of sets) {
    for (const change of set.changes) if (change.op === 'create' || change.op === 'update') ids.add(change.recordId);
  }
  return ids;
};
