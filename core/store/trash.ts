import type { AuditLog } from '../audit/audit-log';
import type { LocketStore, PurgeReport } from './contract';
import { createPurger, PURGE_BATCH_SIZE, type PurgeResult } from './purge';
import { createRemoveMany } from './remove-many';
import type { StoreDeps } from './store-deps';
import { createTrashReads } from './trash-reads';
import { createRestore } from './trash-restore';

type TrashStore = Pick<LocketStore, 'removeMany' | 'trashCount' | 'trashPage' | 'restore' | 'deleteForever' | 'emptyTrash'>;

/** The trash as the owner works it: list, restore, delete forever, empty. Purges the owner asks for are audited here. */
export const createTrash = (deps: StoreDeps, audit: AuditLog): TrashStore => {
  const purger = createPurger(deps);

  const audited = async (result: PurgeResult): Promise<PurgeReport> => {
    const counts = Object.entries(result.purged).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0);
    if (counts.length > 0) {
      await audit.append({ type: 'records-purged', by: deps.author, subjects: [], detail: { ...Object.fromEntries(counts), trigger: 'owner' } });
    }
    return { purged: result.purged, changeSetsDeleted: result.changeSetsDeleted, changeSetsRewritten: result.changeSetsRewritten };
  };

  return {
    removeMany: createRemoveMany(deps),
    ...createTrashReads(deps),
    restore: createRestore(deps, audit),
    deleteForever: async (ids) => audited(await purger.purgeIds(ids)),
    // Everything trashed up to now; a record trashed while this runs waits for its own window.
    emptyTrash: async () => audited(await purger.purgeExpired(deps.clock.now(), PURGE_BATCH_SIZE)),
  };
};
