import * as Comlink from 'comlink';
import type { LocketWorkerApi } from './contract';

export interface WorkerConnection {
  readonly api: Comlink.Remote<LocketWorkerApi>;
  /** Ends the worker and everything it held in memory (on lock). */
  readonly terminate: () => void;
}

/** Starts the page's worker with the unlocked account key; every call on `api` crosses to it. */
export const connectWorker = (accountKey: Uint8Array): WorkerConnection => {
  const worker = new Worker(new URL('./locket.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<LocketWorkerApi>(worker);
  void api.open(accountKey);
  return { api, terminate: () => { api[Comlink.releaseProxy](); worker.terminate(); } };
};
