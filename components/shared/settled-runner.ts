/**
 * Runs a costly read once changes have settled: `delayMs` after the last change, never two at
 * once. A change that arrives while a run is under way is not lost: one more run follows it.
 * The timer is injected, so a test fires it by hand instead of waiting.
 */
export type Schedule = (run: () => void, delayMs: number) => () => void;

export const timerSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export interface SettledRunner {
  /** A change: the run waits until `delayMs` have passed without another. */
  readonly changed: () => void;
  /** Runs at once (a first read), or right after the run under way. */
  readonly runNow: () => Promise<void>;
  /** Forgets a waiting run (the view went away). */
  readonly stop: () => void;
}

export const createSettledRunner = (work: () => Promise<void>, schedule: Schedule, delayMs: number): SettledRunner => {
  let cancel: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const runNow = async (): Promise<void> => {
    cancel?.();
    cancel = null;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return {
    changed: () => {
      cancel?.();
      cancel = schedule(() => void runNow(), delayMs);
    },
    runNow,
    stop: () => {
      cancel?.();
      cancel = null;
      again = false;
    },
  };
};
