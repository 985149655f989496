import type { AuditLog } from '../audit/audit-log';
import type { PurgeReport } from '../purge/contract';
import { createPurger, PURGE_BATCH_SIZE, type PurgeResult } from '../purge/purge';
import { purgeAuditReceipt } from '../purge/purge-receipt';
import { createRemoveMany } from './remove-many';
import type { StoreDeps } from '../db/store-deps';
import type { TrashStore } from './contract';
import { createTrashReads } from './trash-reads';
import { createRestore } from './trash-restore';

/** The trash as the owner works it: list, restore, delete forever, empty. Purges the owner asks for are audited here, batch by batch. */
export const createTrash = (deps: StoreDeps, audit: AuditLog): TrashStore => {
  const purger = createPurger(deps, purgeAuditReceipt(audit, deps.author, 'owner'));

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
