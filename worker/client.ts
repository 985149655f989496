/**
 * The page's side of the worker contract: starts the worker, and builds from the contract
 * the API elements call. Progress callbacks go across as comlink proxies, and a job's progress
 * counts as activity (auto-lock would otherwise end the worker mid-job); declared byte arrays
 * are moved to the worker rather than copied.
 */
import * as Comlink from 'comlink';
import { keepUnlockedDuring, type ActivityMarker } from '../core/security/auto-lock';
import { isCallback, isMoved, isProgress, type AnyMethod, type ClientOf, type Contract } from './contracts/method';
import type { LocketWorkerApi } from './contract';
import type { SearchWorkerRemote } from './search-worker-contract';

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

type LooseCall = (...args: unknown[]) => Promise<unknown>;
type Report = (...report: unknown[]) => void;

/** Moves what the method declares moved: the page's byte array is left empty once sent. */
const sendable = (spec: AnyMethod) => (arg: unknown, index: number): unknown => {
  if (isCallback(spec.args[index]) && typeof arg === 'function') return Comlink.proxy(arg);
  return isMoved(spec.args[index]) && arg instanceof Uint8Array && arg.buffer instanceof ArrayBuffer ? Comlink.transfer(arg, [arg.buffer]) : arg;
};

const isReport = (value: unknown): value is Report => typeof value === 'function';

/**
 * Every method of `contract` (a capability's, the whole open worker's, or the search worker's), sent to the worker
 * `remote()` returns, called per call so the worker can start on first use. The casts are
 * sound by construction: `contract` is part of the contract that types `remote`, and each
 * call goes to the method of the same name.
 */
export const createWorkerClient = <C extends Contract>(
  contract: C, remote: () => Comlink.Remote<LocketWorkerApi> | Comlink.Remote<SearchWorkerRemote>, activity: ActivityMarker,
): ClientOf<C> => {
  const calls = Object.entries(contract).map(([name, spec]: [string, AnyMethod]) => {
    const send = (args: unknown[]): Promise<unknown> => {
      const api = remote() as unknown as Readonly<Record<string, LooseCall>>;
      const call = api[name];
      if (!call) throw new Error(`The worker has no method ${name}.`);
      return call(...args.map(sendable(spec)));
    };
    const progressAt = spec.args.findIndex(isProgress);
    const call = (...args: unknown[]): Promise<unknown> => {
      if (progressAt < 0) return send(args);
      const onProgress = args[progressAt];
      return keepUnlockedDuring<unknown, unknown[]>(activity, (progress) => {
        const sent = [...args];
        sent[progressAt] = Comlink.proxy(progress);
        return send(sent);
      }, isReport(onProgress) ? onProgress : undefined);
    };
    return [name, call];
  });
  return Object.fromEntries(calls) as ClientOf<C>;
};
