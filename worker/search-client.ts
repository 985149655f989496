import * as Comlink from 'comlink';
import { SEARCH_LEASE_PREFIX, type SearchWorkerRemote } from './search-worker-contract';

export interface SearchConnection {
  readonly api: Comlink.Remote<SearchWorkerRemote>;
  /** Ends this page's use of the search worker; the worker drops the index and key once no page uses it. */
  readonly release: () => void;
}

const connectPort = (): MessagePort | Worker => (typeof SharedWorker === 'function'
  ? new SharedWorker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'locket-search' }).port
  : new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));

/**
 * Connects the page to the profile's search worker with the unlocked account key. The page
 * holds a Web Lock (its lease) while connected: the worker waits on that lock, so it learns
 * the page is gone even when the page never says so.
 */
export const connectSearchWorker = (accountKey: Uint8Array): SearchConnection => {
  const endpoint = connectPort();
  const api = Comlink.wrap<SearchWorkerRemote>(endpoint);
  const lease = `${SEARCH_LEASE_PREFIX}${crypto.randomUUID()}`;
  const { promise: released, resolve: release } = Promise.withResolvers<undefined>();
  const held = new Promise<void>((granted) => {
    void navigator.locks.request(lease, () => { granted(); return released; });
  });
  let closed = false;
  // Opened only once the lease is held, so the worker can never find it free too early; a page
  // that locked before the lease came never opens it (its proxy is released by then).
  void held.then(() => (closed ? undefined : api.open(accountKey, lease)));
  return {
    api,
    release: () => {
      closed = true;
      release(undefined);
      api[Comlink.releaseProxy]();
      if (endpoint instanceof Worker) endpoint.terminate();
      else endpoint.close();
    },
  };
};
