import type { AuditLog } from '../audit/audit-log';
import type { LocketStore, PurgeReport } from './contract';
import { createPurger, PURGE_BATCH_SIZE, type PurgeResult } from './purge';
import { createRemoveMany } from './remove-many';
import type { StoreDeps } from './store-deps';
import { createTrashReads } from './trash-reads';
import { createRestore } from './trash-restore';

type TrashStore = Pick<LocketStore, 'removeMany' | 'trashCount' | 'trashPage' | 'restore' | 'deleteForever' | 'emptyTrash'>;

/** The trash as the owner works it: list, restore, delete forever, empty. Purges the owner asks for are audited here, batch by batch. */
export const createTrash = (deps: StoreDeps, audit: AuditLog): TrashStore => {
  // One entry per committed batch, in its transaction: counts per kind, never ids.
  const purger = createPurger(deps, (purged) => {
    const counts: Record<string, number> = {};
    for (const row of purged) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
    return audit.stage({ type: 'records-purged', by: deps.author, subjects: [], detail: { ...counts, trigger: 'owner' } });
  });

  const reported = (result: PurgeResult): PurgeReport =>
    ({ purged: result.purged, changeSetsDeleted: result.changeSetsDeleted, changeSetsRewritten: result.changeSetsRewritten });

  return {
    removeMany: createRemoveMany(deps),
    ...createTrashReads(deps),
    restore: createRestore(deps, audit),
    deleteForever: async (ids) => reported(await purger.purgeIds(ids)),
    // Everything trashed up to now; a record trashed while this runs waits for its own window.
    emptyTrash: async () => reported(await purger.purgeExpired(deps.clock.now(), PURGE_BATCH_SIZE)),
  };
};
