/**
 * The profile's search worker: a SharedWorker that every open page connects to, so the
 * profile holds one index however many pages are open (a dedicated worker per page where
 * the browser has no SharedWorker). The index lives while some page holds a lease on it.
 */
import * as Comlink from 'comlink';
import { deriveAuditKeys } from '../core/audit/hash';
import { systemClock } from '../core/clock';
import { createBroadcastBus } from '../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/db/db-name';
import { openStoreDeps } from '../core/store/open-store';
import { createStore } from '../core/store/store';
import { createAesGcmCodec } from '../core/vault/aes-codec';
import { bytesEqual } from '../core/vault/bytes';
import type { SearchImplementation } from './contract';
import { createFilterCacheApi, type FilterCacheApi } from './filters/filter-cache-api';
import { hostContract } from './host';
import { createSearchLog } from './search-log';
import { createSearchService, type SearchService } from './search-service';
import { createSearchIndexShelf, searchShelfName } from './search-shelf';
import { searchWorkerContract } from './search-worker-contract';

interface Opened {
  readonly service: SearchService;
  readonly filters: FilterCacheApi;
  readonly close: () => void;
}

const openOn = async (key: Uint8Array<ArrayBuffer>): Promise<Opened> => {
  const bus = createBroadcastBus();
  const codec = createAesGcmCodec(key);
  const deps = await openStoreDeps({
    factory: indexedDB, name: LOCKET_DB_NAME, codec, clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(key),
  });
  const store = createStore(deps);
  const service = createSearchService({
    records: store, bus,
    saved: { shelf: createSearchIndexShelf(indexedDB, searchShelfName(LOCKET_DB_NAME), codec), log: createSearchLog(deps.db) },
  });
  const filters = createFilterCacheApi({ store, db: deps.db, clock: systemClock, currentColumns: service.currentColumns });
  return { service, filters, close: () => { service.close(); store.close(); bus.close(); } };
};

let openKey: Uint8Array<ArrayBuffer> | null = null;
let opened: Promise<Opened> | null = null;
// Calls that arrive before any page has opened the worker wait here.
let { promise: firstOpen, resolve: announceOpen } = Promise.withResolvers<undefined>();
const leases = new Set<string>();

const forget = async (): Promise<void> => {
  const closing = opened;
  opened = null;
  openKey = null;
  ({ promise: firstOpen, resolve: announceOpen } = Promise.withResolvers<undefined>());
  (await closing?.catch(() => null))?.close();
};

const current = async (): Promise<Opened> => {
  while (!opened) await firstOpen;
  return opened;
};

const queries: SearchImplementation & FilterCacheApi = {
  indexStatus: async () => (await current()).service.indexStatus(),
  whenIndexed: async () => (await current()).service.whenIndexed(),
  search: async (query, options) => (await current()).service.search(query, options),
  filterCached: async (kind, filter, sort, onFirst) => (await current()).filters.filterCached(kind, filter, sort, onFirst),
};

const api = hostContract(searchWorkerContract, {
  immediate: {
    open: async (key, lease) => {
      if (!openKey || !bytesEqual(openKey, key)) {
        const previous = opened;
        // Copied, so that nothing else holds the buffer the store keeps.
        openKey = new Uint8Array(key);
        opened = (async () => { (await previous?.catch(() => null))?.close(); return openOn(new Uint8Array(key)); })();
        announceOpen(undefined);
      }
      if (leases.has(lease)) return;
      leases.add(lease);
      // Granted once the page frees its lease: on lock, on close, or when the page is gone.
      void navigator.locks.request(lease, async () => {
        leases.delete(lease);
        if (leases.size === 0) await forget();
      });
    },
  },
  ready: Promise.resolve(queries),
});

const scope = globalThis as unknown as { onconnect?: unknown } & EventTarget;
if ('onconnect' in scope) {
  scope.addEventListener('connect', (event) => {
    const [port] = (event as MessageEvent).ports;
    if (port) Comlink.expose(api, port);
  });
} else {
  Comlink.expose(api);
}
