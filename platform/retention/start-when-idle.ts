/** What starting work later needs from the page: its timers and its idle callbacks. */
export interface IdleScheduler {
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly requestIdleCallback: (run: () => void, options: { readonly timeout: number }) => unknown;
  readonly cancelIdleCallback: (handle: unknown) => void;
}

export const pageScheduler = (): IdleScheduler => ({
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => { globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>); },
  requestIdleCallback: (run, options) => globalThis.requestIdleCallback(run, options),
  cancelIdleCallback: (handle) => { globalThis.cancelIdleCallback(handle as number); },
});

/**
 * Runs `work` once `delayMs` have passed and the page is next idle (at most `idleWaitMs` after
 * that), so that a task of its own (starting a worker: 0.4 s traced at 100,000 records) does
 * not land among the first screen's frames. Returns a cancel that stops it if it has not run.
 */
export const startWhenIdle = (delayMs: number, idleWaitMs: number, work: () => void, scheduler: IdleScheduler = pageScheduler()): (() => void) => {
  let idle: unknown = null;
  let cancelled = false;
  const timer = scheduler.setTimeout(() => {
    if (cancelled) return;
    idle = scheduler.requestIdleCallback(() => { if (!cancelled) work(); }, { timeout: idleWaitMs });
  }, delayMs);
  return () => {
    cancelled = true;
    scheduler.clearTimeout(timer);
    if (idle !== null) scheduler.cancelIdleCallback(idle);
  };
};
