import type { Clock } from '../clock';

/** How long Locket may sit unused before it locks; `null` locks only when the browser restarts. */
export const IDLE_MINUTES = [1, 5, 15, 60] as const;
export type IdleMinutes = (typeof IDLE_MINUTES)[number] | null;
export const IDLE_CHOICES: readonly IdleMinutes[] = [...IDLE_MINUTES, null];
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 15;

export interface LockPolicy {
  readonly idleMinutes: IdleMinutes;
}

/** True when the session has been idle longer than the policy allows. The session key never outlives a browser restart either way. */
export const idleExpired = (policy: LockPolicy, lastActivityAt: number, now: number): boolean =>
  policy.idleMinutes !== null && now - lastActivityAt >= policy.idleMinutes * 60_000;

/** How often activity is written to the session: often enough for a one-minute auto-lock. */
export const ACTIVITY_WRITE_MS = 10_000;

/** Tells the idle timer that someone is using Locket. */
export interface ActivityMarker {
  /** At most once per ACTIVITY_WRITE_MS: key presses and progress reports come in bursts. */
  readonly mark: () => void;
  /** At once, whenever the last write was. */
  readonly markNow: () => void;
}

export const createActivityMarker = (clock: Clock, write: (at: number) => Promise<void>): ActivityMarker => {
  let lastWrite = Number.NEGATIVE_INFINITY;
  const markNow = () => {
    lastWrite = clock.now();
    void write(lastWrite);
  };
  return {
    mark: () => { if (clock.now() - lastWrite >= ACTIVITY_WRITE_MS) markNow(); },
    markNow,
  };
};

/**
 * A long job (import, export, backup, restore) counts as activity at its start, at each
 * progress report and at its end, however it ends: closing the surface on lock would end the
 * job half-way, so the vault stays unlocked while it moves, and the idle time runs from its
 * end. A job that stops reporting is idle like anyone else.
 */
export const keepUnlockedDuring = async <T, Report extends unknown[]>(
  marker: ActivityMarker, job: (onProgress: (...report: Report) => void) => Promise<T>, onProgress?: (...report: Report) => void,
): Promise<T> => {
  marker.markNow();
  try {
    return await job((...report) => {
      marker.mark();
      onProgress?.(...report);
    });
  } finally {
    marker.markNow();
  }
};
