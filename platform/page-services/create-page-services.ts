import { activeTabAddress } from '../capture/active-tab-address';
import { deriveAuditKeys } from '../../core/audit/hash';
import { browser } from 'wxt/browser';
import { systemClock } from '../../core/clock';
import { createActivityMarker } from '../../core/security/auto-lock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openStoreDeps } from '../../core/store/open-store';
import { createStore } from '../../core/store/store';
import { createIdentityStore } from '../../core/sync-account/identity-store';
import { createLocalStanding } from '../../core/sync-account/local-standing';
import { guardStore } from '../../worker/role-guard';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { UnlockedKeys } from '../../core/vault/types';
import { archiveContract, bulkContract, contactsContract, duplicatesContract, exportContract, filterContract, importContract, pipelineContract, relayRetentionContract, retentionContract, syncContract, tasksContract, teamContract, type SyncWorkerApi } from '../../worker/contract';
import { connectWorker, type WorkerConnection, createWorkerClient } from '../../worker/client';
import { connectSearchWorker, type SearchConnection } from '../../worker/search-client';
import { filterCacheContract } from '../../worker/contracts/filters';
import { routeFilters } from '../../worker/filters/filter-route';
import type { Contract } from '../../worker/contracts/method';
import { onOpenRequest, requestOpen } from '../side-panel/open-requests';
import { openSidePanel } from '../side-panel/open-side-panel';
import {
  dismissCapture, dismissCaptureFailure, readCaptureDraft, watchCaptureInbox, writeCaptureDraft,
} from '../capture/capture-inbox';
import { requestCaptureOfActiveTab } from '../capture/capture-request';
import { createRetentionServices, startPageSweep } from '../retention/retention-services';
import { startWhenIdle } from '../retention/start-when-idle';
import { touchActivity } from '../session/session';
import { createFirstScreenKeeper } from './first-screen-keeper';
import type { LocketServices, SecurityServices } from './services';
import type { SyncPageServices } from '../../core/sync/ports';
import { createSyncChannel } from '../sync/sync-channel';
import { createSyncServices } from './sync-services';
import { createTaskReads } from '../../core/tasks/task-reads';
import { routeTaskReads } from './tasks-route';

export interface PageServices extends LocketServices {
  /** The options page's Sync section: status, connect, pairing, devices. */
  readonly sync: SyncPageServices;
  /** A fresh install's restore from the relay, once the restore screen made the vault (components/sync/locket-relay-restore). */
  readonly restoreFromRelay: SyncWorkerApi['restoreFromRelay'];
  /** Closes the store, ends the worker and drops the key: called on lock. */
  readonly close: () => void;
}

/**
 * Past the first screen's budget, and then only once the page is idle (at most
 * WORKER_IDLE_WAIT_MS later), so neither worker competes with the first paint: a view whose
 * first rows come later than the budget (Tasks at 100,000 records) would otherwise draw them
 * while the search worker loads its saved index on the other core.
 */
const WORKER_WARM_UP_MS = 300;
const WORKER_IDLE_WAIT_MS = 2000;

/** The services an unlocked extension page gives its top-level element. */
export const createPageServices = async (keys: UnlockedKeys, security: SecurityServices): Promise<PageServices> => {
  const bus = createBroadcastBus();
  const codec = createAesGcmCodec(keys.accountKey);
  const [storeDeps, window] = await Promise.all([
    openStoreDeps({
      factory: indexedDB, name: LOCKET_DB_NAME, codec, clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(keys.accountKey),
    }),
    browser.windows.getCurrent(),
  ]);
  const plainStore = createStore(storeDeps);
  // A team member's page writes directly, so its store refuses what the member's role does not allow, as the worker's does.
  const identities = createIdentityStore(storeDeps.db, codec, plainStore.audit, storeDeps.author);
  const store = guardStore(plainStore, createLocalStanding({
    db: storeDeps.db, clock: systemClock, deviceId: async () => (await identities.identity())?.deviceId ?? null,
  }));
  // Search goes to the profile's one search worker, shared with every other open page: the
  // first page to open it loads (or builds) the index, the others find it ready. Both workers
  // start on first use or shortly after the first paint, which never waits for them.
  let searchConnection: SearchConnection | null = null;
  const searchWorker = (): SearchConnection => (searchConnection ??= connectSearchWorker(keys.accountKey));
  let connection: WorkerConnection | null = null;
  const worker = (): WorkerConnection => (connection ??= connectWorker(keys.accountKey));
  const stopWarmUp = startWhenIdle(WORKER_WARM_UP_MS, WORKER_IDLE_WAIT_MS, () => { searchWorker(); worker(); });
  // Every page that opens unlocked sweeps once, in a worker of its own, with the key.
  const stopSweep = startPageSweep(keys.accountKey);
  // Locking ends the worker, so a long job's progress counts as activity (auto-lock.ts).
  const activity = createActivityMarker(systemClock, touchActivity);
  // Each capability's methods as its contract declares them (worker/contracts/).
  const client = <C extends Contract>(contract: C) => createWorkerClient(contract, () => worker().api, activity);
  const syncChannel = createSyncChannel();
  // Screens remembered for the next side panel must not outlive a change to what they show: a
  // change heard here drops them, and the view, reading its first screen again, keeps the new one.
  const firstScreens = createFirstScreenKeeper(keys.accountKey);
  const stopForgetting = bus.subscribe((change) => firstScreens.forget(change));
  return {
    store,
    search: async (query, options) => searchWorker().api.search(query, options),
    whenSearchReady: async () => { await searchWorker().api.whenIndexed(); },
    changes: bus,
    clock: systemClock,
    openSidePanel: async (recordId) => {
      // Opening must happen inside the click's user gesture, so it goes first. Both are awaited
      // together so that a refusal to open is never left unhandled while the request is stored.
      const opening = window.id === undefined ? Promise.resolve() : openSidePanel(window.id);
      await Promise.all([opening, recordId ? requestOpen(recordId) : undefined]);
    },
    onOpenRequest,
    security,
    captures: {
      watch: watchCaptureInbox,
      readDraft: readCaptureDraft,
      saveDraft: writeCaptureDraft,
      dismiss: dismissCapture,
      dismissFailure: dismissCaptureFailure,
      captureActiveTab: requestCaptureOfActiveTab,
      activeTabAddress,
    },
    exports: client(exportContract),
    imports: client(importContract),
    bulk: client(bulkContract),
    archives: client(archiveContract),
    duplicates: client(duplicatesContract),
    filters: routeFilters(createWorkerClient(filterCacheContract, () => searchWorker().api, activity), client(filterContract)),
    retention: {
      ...client(retentionContract),
      ...createRetentionServices({
        db: storeDeps.db, clock: systemClock, accountKey: keys.accountKey,
        storage: {
          storage: navigator.storage,
          hasUnlimitedStorage: () => browser.permissions.contains({ permissions: ['unlimitedStorage'] }),
        },
      }),
    },
    sync: createSyncServices(client(syncContract), syncChannel),
    restoreFromRelay: (relayUrl, words, deviceName) => client(syncContract).restoreFromRelay(relayUrl, words, deviceName),
    team: client(teamContract),
    relayRetention: client(relayRetentionContract),
    tasks: routeTaskReads(createTaskReads(storeDeps), client(tasksContract)),
    pipeline: client(pipelineContract),
    contacts: client(contactsContract),
    firstScreens: { remember: firstScreens.remember },
    close: () => {
      stopWarmUp();
      stopForgetting();
      firstScreens.close();
      syncChannel.close();
      stopSweep();
      searchConnection?.release();
      connection?.terminate();
      store.close();
      bus.close();
    },
  };
};
