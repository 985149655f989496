import * as Comlink from 'comlink';
import type { LocketWorkerApi } from './api';

/** Starts the page's worker; every call on the result crosses to it. */
export const connectWorker = (): Comlink.Remote<LocketWorkerApi> =>
  Comlink.wrap<LocketWorkerApi>(
    new Worker(new URL('./locket.worker.ts', import.meta.url), { type: 'module' }),
  );
