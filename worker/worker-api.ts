import { systemClock, type Clock } from '../core/clock';
import type { ChangeBus } from '../core/db/change-bus';
import type { LocketStore } from '../core/store/contract';
import type { CoreWorkerImplementation } from './contract';
import { createExportRunner } from './export-runner';
import { createImportApi } from './import-api';
import { createBulkApi } from './bulk/bulk-api';
import { createRetentionApi } from './retention-api';
import { createDuplicatesApi } from './duplicates-api';
import { createContactsApi } from './contacts-api';
import { createSearchService, type SearchService } from './search-service';

export interface WorkerApiDeps {
  readonly store: LocketStore;
  /** Must deliver every committed change, including the ones `store` itself announces. */
  readonly bus: ChangeBus;
  /** Times the build; the system clock unless a test moves time by hand. */
  readonly clock?: Clock;
}

/**
 * Everything but backups and snapshots, which need the rows as stored (implementation.ts adds
 * them). Arguments arrive checked against the contract (host.ts).
 *
 * Pages search through the profile's shared search worker (search.worker.ts); this worker's
 * own index starts only if a page asks it, where no shared worker can run.
 */
export const createWorkerApi = ({ store, bus, clock = systemClock }: WorkerApiDeps): CoreWorkerImplementation => {
  let search: SearchService | null = null;
  const searching = (): SearchService => (search ??= createSearchService({ records: store, bus, clock }));

  return {
    ...createExportRunner({ store, clock }),
    ...createImportApi({ store, clock }),
    ...createBulkApi({ store, clock }),
    ...createRetentionApi({ store, clock }),
    ...createDuplicatesApi({ store }),
    ...createContactsApi({ store, clock }),
    indexStatus: async () => searching().indexStatus(),
    whenIndexed: async () => searching().whenIndexed(),
    search: async (query, options) => searching().search(query, options),
    insertMany: async (kind, inputs) => store.insertMany(kind, inputs),
  };
};
