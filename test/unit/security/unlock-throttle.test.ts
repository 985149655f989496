import { describe, expect, it } from 'vitest';
import {
  INITIAL_THROTTLE, LONG_PAUSE_MS, MAX_CONSECUTIVE_FAILURES, afterFailure, afterPauseServed, afterSuccess,
  delayAfterFailure, waitBeforeAttempt, type ThrottleState,
} from '../../../core/security/unlock-throttle';

const NOW = Date.UTC(2025, 2, 3, 9, 0, 0);

/** `count` failures, each made the moment the previous wait ended. */
const failures = (count: number): ThrottleState[] => {
  const states: ThrottleState[] = [];
  let state = INITIAL_THROTTLE;
  let now = NOW;
  for (let n = 0; n < count; n += 1) {
    now = Math.max(now, state.notBefore);
    state = afterFailure(state, now);
    states.push(state);
  }
  return states;
};

describe('unlock throttle', () => {
  it('lets the first attempt through at once', () => {
    expect(waitBeforeAttempt(INITIAL_THROTTLE, NOW)).toBe(0);
  });

  it('makes the owner wait after a failure, and not once the wait is over', () => {
    const state = afterFailure(INITIAL_THROTTLE, NOW);
    expect(waitBeforeAttempt(state, NOW)).toBeGreaterThan(0);
    expect(waitBeforeAttempt(state, NOW + 1)).toBe(waitBeforeAttempt(state, NOW) - 1);
    expect(waitBeforeAttempt(state, state.notBefore)).toBe(0);
  });

  it('makes every wait before the hundredth failure longer than the one before, and all of them short of the long pause', () => {
    for (let n = 1; n < MAX_CONSECUTIVE_FAILURES - 1; n += 1) {
      expect(delayAfterFailure(n + 1)).toBeGreaterThan(delayAfterFailure(n));
    }
    expect(delayAfterFailure(MAX_CONSECUTIVE_FAILURES - 1)).toBeLessThan(LONG_PAUSE_MS);
  });

  it('pauses for the long pause at the hundredth failure in a row', () => {
    const states = failures(MAX_CONSECUTIVE_FAILURES);
    const last = states.at(-1)!;
    const previous = states.at(-2)!;
    expect(last.failures).toBe(MAX_CONSECUTIVE_FAILURES);
    expect(last.notBefore - previous.notBefore).toBe(LONG_PAUSE_MS);
  });

  it('starts the count again only once the long pause has been served', () => {
    const paused = failures(MAX_CONSECUTIVE_FAILURES).at(-1)!;
    expect(afterPauseServed(paused, paused.notBefore - 1)).toBe(paused);
    expect(afterPauseServed(paused, paused.notBefore)).toEqual(INITIAL_THROTTLE);
  });

  it('keeps a shorter run of failures counting even after its wait is over', () => {
    const state = failures(5).at(-1)!;
    expect(afterPauseServed(state, state.notBefore + LONG_PAUSE_MS)).toBe(state);
  });

  it('forgets every failure after a success', () => {
    expect(afterSuccess()).toEqual(INITIAL_THROTTLE);
    expect(waitBeforeAttempt(afterSuccess(), NOW)).toBe(0);
  });
});
