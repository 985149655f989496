import type { ChangeBus } from '../core/db/change-bus';
import { createStore } from '../core/store/store';
import type { StoreDeps } from '../core/db/store-deps';
import type { StandingSource } from '../core/sync-account/local-standing';
import type { OpenWorkerImplementation, RelayRetentionImplementation, SyncImplementation, TasksImplementation, TeamImplementation } from './contract';
import { relayRetentionUnavailable } from './relay-retention-api';
import { createTeamApi } from './team-api';
import { createArchiveApi } from './archive-api';
import { createPipelineApi } from './pipeline-api';
import { createWorkerApi } from './worker-api';
import { createSyncApi } from './sync-api';
import { systemClock } from '../core/clock';
import { createRelayTransport } from '../platform/sync/relay-transport';
import { guardStore, guardWorker } from './role-guard';
import { createTaskReads } from '../core/tasks/task-reads';
import { createFilterApi } from './filters/filter-api';

/** Sync for a worker that has no sync seams: status `off`, every call `not-connected`. */
const syncUnavailable = (): SyncImplementation => createSyncApi({
  account: null, runner: null, transportFor: (relayUrl) => createRelayTransport({ relayUrl }), clock: systemClock,
});

/** Team calls for a worker without sync: no team to show, every change `not-connected`. */
const teamUnavailable = (): TeamImplementation => createTeamApi({
  team: null, join: null, clock: systemClock, token: async () => ({ ok: false, error: { type: 'not-connected' } }), identityChanged: async () => undefined,
});

/** A worker without sync is in no team: every act is its own. */
const inNoTeam: StandingSource = async () => null;

export interface OpenWorkerParts {
  readonly sync?: SyncImplementation;
  readonly team?: TeamImplementation;
  /** This device's member's role and export right; every local write and export is checked against it (role-guard.ts). */
  readonly standing?: StandingSource;
  /** What the pages read of the relay's retention (worker/relay-retention-api.ts). */
  readonly relayRetention?: RelayRetentionImplementation;
}

/** The Tasks view's reads (core/tasks/task-reads.ts), over the store's database. */
const tasksApi = (storeDeps: StoreDeps): TasksImplementation => {
  const reads = createTaskReads(storeDeps);
  return { dueTasks: async (limit) => reads.dueTasks(limit), otherTasks: async () => reads.otherTasks() };
};

/** The whole worker API on one store: the core (search, export, import, retention), archives, sync and team. */
export const createOpenWorkerApi = (
  storeDeps: StoreDeps, bus: ChangeBus, { sync = syncUnavailable(), team = teamUnavailable(), standing = inNoTeam, relayRetention = relayRetentionUnavailable }: OpenWorkerParts = {},
): OpenWorkerImplementation => {
  const store = guardStore(createStore(storeDeps), standing);
  const filters = createFilterApi({ store, db: storeDeps.db, clock: systemClock });
  return guardWorker({
    ...createWorkerApi({ store, bus }), ...createArchiveApi({ storeDeps, store }), ...createPipelineApi({ storeDeps, store }),
    ...sync, ...team, ...relayRetention, ...tasksApi(storeDeps), ...filters,
  }, standing);
};
