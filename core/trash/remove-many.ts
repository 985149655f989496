import type { RecordId } from '../records/types';
import type { TrashStore } from './contract';
import { moveToTrash } from './move-to-trash';
import type { StoreDeps } from '../db/store-deps';

/** Records asked for per transaction; their notes go along in the same one. */
export const REMOVE_BATCH_SIZE = 1000;

/**
 * Moves many records to the trash (a retention rule the owner confirmed): each batch of ids,
 * with their live notes, is one transaction with one change set, announced once it commits.
 * Ids that are not live are skipped. If a batch fails this rejects; the batches before it stay
 * in the trash. Counts the records asked for that moved, not the notes that went with them.
 */
export const createRemoveMany = (deps: StoreDeps): TrashStore['removeMany'] => async (ids) => {
  const unique = [...new Set(ids)];
  let moved = 0;
  for (let start = 0; start < unique.length; start += REMOVE_BATCH_SIZE) {
    const batch = unique.slice(start, start + REMOVE_BATCH_SIZE);
    const asked = new Set<RecordId>(batch);
    const trashed = await moveToTrash(deps, batch);
    moved += trashed.filter((row) => asked.has(row.id)).length;
  }
  return moved;
};
