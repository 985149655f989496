import type { Clock } from '../../core/clock';
import type { StorageEstimate } from '../../core/snapshots/headroom';
import type { ChangeBus } from '../../core/db/change-bus';

/** Every context of a profile asks for this one lock: two sweeps never run at once. */
export const SWEEP_LOCK = 'locket:sweep';

/**
 * Runs `work` while holding the named lock, or resolves null at once when another context
 * holds it. The lock is released when `work` settles (or its context dies).
 */
export type LockPort = <T>(name: string, work: () => Promise<T>) => Promise<T | null>;

/** What a sweep needs from its host: nothing else reaches the platform. */
export interface SweepPorts {
  /** The worker's own IndexedDB, or fake-indexeddb in tests. */
  readonly factory: IDBFactory;
  /** The account's database. */
  readonly name: string;
  readonly clock: Clock;
  readonly lock: LockPort;
  /** Tells open pages which records the sweep purged. Owned by the caller. */
  readonly bus: ChangeBus;
  /**
   * How much storage the profile uses and may use (navigator.storage.estimate()); null when the
   * platform cannot tell, and then the daily snapshot is taken without a check.
   */
  readonly storageEstimate: () => Promise<StorageEstimate | null>;
  /**
   * Called after each purged batch has committed, with the records purged so far. A throw
   * stops the sweep there, as a browser that dies would (tests use it to fail part-way).
   */
  readonly afterBatch?: (purgedSoFar: number) => void;
}

/**
 * A LockPort over the Web Locks API (pages, workers and offscreen documents of one profile
 * share it). With `wait`, it queues behind the sweep that holds the lock instead of giving
 * up: the owner who asked for a sweep gets one, after the one already running.
 */
export const webLockPort = (locks: LockManager, wait = false): LockPort =>
  async <T>(name: string, work: () => Promise<T>): Promise<T | null> =>
    await (wait ? locks.request(name, work) : locks.request(name, { ifAvailable: true }, async (held) => (held ? work() : null)));
