import { describe, expect, it } from 'vitest';
import { startWhenIdle, type IdleScheduler } from '../../../platform/retention/start-when-idle';

/** A scheduler whose timers and idle periods the test fires by hand. */
const manualScheduler = () => {
  const timers = new Map<number, () => void>();
  const idles = new Map<number, { readonly run: () => void; readonly timeout: number }>();
  let next = 0;
  const scheduler: IdleScheduler = {
    setTimeout: (run) => { next++; timers.set(next, run); return next; },
    clearTimeout: (handle) => { timers.delete(handle as number); },
    requestIdleCallback: (run, options) => { next++; idles.set(next, { run, timeout: options.timeout }); return next; },
    cancelIdleCallback: (handle) => { idles.delete(handle as number); },
  };
  const fire = (from: Map<number, { run: () => void } | (() => void)>) => {
    const pending = [...from.values()];
    from.clear();
    for (const entry of pending) (typeof entry === 'function' ? entry : entry.run)();
  };
  return { scheduler, timers, idles, fireTimers: () => fire(timers), fireIdle: () => fire(idles) };
};

describe('startWhenIdle', () => {
  it('starts the work only once the delay is over and the page is idle', () => {
    const manual = manualScheduler();
    let started = 0;
    startWhenIdle(2000, 5000, () => { started++; }, manual.scheduler);
    manual.fireTimers();
    expect(started).toBe(0);
    expect([...manual.idles.values()].map((idle) => idle.timeout)).toEqual([5000]);
    manual.fireIdle();
    expect(started).toBe(1);
  });

  it('never starts work cancelled before the delay or while it waits for the page to be idle', () => {
    const early = manualScheduler();
    let started = 0;
    startWhenIdle(2000, 5000, () => { started++; }, early.scheduler)();
    early.fireTimers();
    early.fireIdle();

    const waiting = manualScheduler();
    const cancel = startWhenIdle(2000, 5000, () => { started++; }, waiting.scheduler);
    waiting.fireTimers();
    cancel();
    waiting.fireIdle();
    expect(started).toBe(0);
  });
});
