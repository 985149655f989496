/**
 * The engine's waits, injected so tests drive them: every wait is a slot holding at most one
 * timer, which arming again replaces and stop cancels, so no wait outlives the engine.
 */

export interface Timers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

export const systemTimers: Timers = {
  set: (run, ms) => globalThis.setTimeout(run, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TimerSlot {
  /** Runs `run` after `ms`, in place of whatever this slot was waiting for. */
  readonly arm: (run: () => void, ms: number) => void;
  readonly cancel: () => void;
  readonly armed: () => boolean;
}

export const createTimerSlot = (timers: Timers): TimerSlot => {
  let handle: unknown = null;
  const cancel = (): void => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  return {
    arm: (run, ms) => {
      cancel();
      handle = timers.set(() => {
        handle = null;
        run();
      }, ms);
    },
    cancel,
    armed: () => handle !== null,
  };
};
