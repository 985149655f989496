/** The engine's status and its watchers: what the page shows and what other pages follow. */
import type { SyncStatusView } from '../ports';

/** What the engine knows of the status; the device list and relay address come from the account. */
export type EngineStatus = Pick<SyncStatusView, 'state' | 'lastSyncedAt' | 'waiting' | 'problem'>;

export const OFF_STATUS: EngineStatus = { state: 'off', lastSyncedAt: null, waiting: 0, problem: null };

export interface StatusHolder {
  readonly get: () => EngineStatus;
  readonly update: (patch: Partial<EngineStatus>) => void;
  /** Calls `listener` with every change from now on; returns an unsubscribe function. */
  readonly watch: (listener: (status: EngineStatus) => void) => () => void;
}

const same = (a: EngineStatus, b: EngineStatus): boolean =>
  a.state === b.state && a.lastSyncedAt === b.lastSyncedAt && a.waiting === b.waiting && JSON.stringify(a.problem) === JSON.stringify(b.problem);

export const createStatusHolder = (initial: EngineStatus = OFF_STATUS): StatusHolder => {
  let status = initial;
  const listeners = new Set<(status: EngineStatus) => void>();
  return {
    get: () => status,
    update: (patch) => {
      const next = { ...status, ...patch };
      if (same(next, status)) return;
      status = next;
      // A listener that throws must not stop sync or the other listeners.
      for (const listener of [...listeners]) queueMicrotask(() => listener(next));
    },
    watch: (listener) => {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
};
