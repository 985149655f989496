import type { ChangeBus } from '../core/db/change-bus';
import { createStore } from '../core/store/store';
import type { StoreDeps } from '../core/db/store-deps';
import type { OpenWorkerImplementation, SyncImplementation, TeamImplementation } from './contract';
import { createTeamApi } from './team-api';
import { createArchiveApi } from './archive-api';
import { createWorkerApi } from './worker-api';
import { createSyncApi } from './sync-api';
import { systemClock } from '../core/clock';
import { createRelayTransport } from '../platform/sync/relay-transport';

/** Sync for a worker that has no sync seams: status `off`, every call `not-connected`. */
const syncUnavailable = (): SyncImplementation => createSyncApi({
  account: null, runner: null, transportFor: (relayUrl) => createRelayTransport({ relayUrl }), clock: systemClock,
});

/** The whole worker API on one store: the core (search, export, import, retention), archives and sync. */
/** Team calls for a worker without sync: no team to show, every change `not-connected`. */
const teamUnavailable = (): TeamImplementation => createTeamApi({
  team: null, join: null, clock: systemClock, token: async () => ({ ok: false, error: { type: 'not-connected' } }), identityChanged: async () => undefined,
});

export const createOpenWorkerApi = (
  storeDeps: StoreDeps, bus: ChangeBus, sync: SyncImplementation = syncUnavailable(), team: TeamImplementation = teamUnavailable(),
): OpenWorkerImplementation => {
  const store = createStore(storeDeps);
  return { ...createWorkerApi({ store, bus }), ...createArchiveApi({ storeDeps, store }), ...sync, ...team };
};
