import type { ChangeBus } from '../core/db/change-bus';
import { createStore } from '../core/store/store';
import type { StoreDeps } from '../core/db/store-deps';
import type { OpenWorkerApi } from './api';
import { createArchiveApi } from './archive-api';
import { createWorkerApi } from './worker-api';

/** The whole worker API on one store: the core (search, export, import, retention) and archives. */
export const createOpenWorkerApi = (storeDeps: StoreDeps, bus: ChangeBus): OpenWorkerApi => {
  const store = createStore(storeDeps);
  return { ...createWorkerApi({ store, bus }), ...createArchiveApi({ storeDeps, store }) };
};
