import * as Comlink from 'comlink';
import type { SweepWorkerApi } from './sweep-contract';

export interface SweepWorkerConnection {
  readonly api: Comlink.Remote<SweepWorkerApi>;
  /** Ends the worker (again is harmless); a sweep cut off here leaves whole batches and the next one resumes. */
  readonly terminate: () => void;
}

/** Starts a sweep worker (in a page or the offscreen document): the sweep runs off the main thread. */
export const connectSweepWorker = (): SweepWorkerConnection => {
  const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SweepWorkerApi>(worker);
  let ended = false;
  const terminate = (): void => {
    if (ended) return;
    ended = true;
    api[Comlink.releaseProxy]();
    worker.terminate();
  };
  return { api, terminate };
};
