import type { ChangeBus } from '../core/db/change-bus';
import { createStore } from '../core/store/store';
import type { StoreDeps } from '../core/db/store-deps';
import type { OpenWorkerImplementation } from './contract';
import { createArchiveApi } from './archive-api';
import { createWorkerApi } from './worker-api';

/** The whole worker API on one store: the core (search, export, import, retention) and archives. */
export const createOpenWorkerApi = (storeDeps: StoreDeps, bus: ChangeBus): OpenWorkerImplementation => {
  const store = createStore(storeDeps);
  return { ...createWorkerApi({ store, bus }), ...createArchiveApi({ storeDeps, store }) };
};
