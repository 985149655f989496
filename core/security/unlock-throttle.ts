/**
 * Failed unlocks slow down: each waits longer than the last, and after MAX_CONSECUTIVE_FAILURES
 * in a row the vault refuses attempts for LONG_PAUSE_MS. The state is persisted (storage.local),
 * so a browser restart does not reset it. A copy of the profile is not slowed by this; the
 * key derivation's cost is what protects it offline.
 */
export const MAX_CONSECUTIVE_FAILURES = 100;
export const LONG_PAUSE_MS = 24 * 60 * 60 * 1000;

export interface ThrottleState {
  readonly failures: number;
  /** No attempt is accepted before this time (ms since epoch). */
  readonly notBefore: number;
}

export const INITIAL_THROTTLE: ThrottleState = { failures: 0, notBefore: 0 };

/** Wait after the nth consecutive failure: 250 ms × n², strictly growing; then the long pause. */
export const delayAfterFailure = (failures: number): number =>
  failures >= MAX_CONSECUTIVE_FAILURES ? LONG_PAUSE_MS : 250 * failures * failures;

export const waitBeforeAttempt = (state: ThrottleState, now: number): number => Math.max(0, state.notBefore - now);

export const afterFailure = (state: ThrottleState, now: number): ThrottleState => {
  const failures = state.failures + 1;
  return { failures, notBefore: now + delayAfterFailure(failures) };
};

/** After the long pause the count starts again, so the owner is never locked out for good. */
export const afterPauseServed = (state: ThrottleState, now: number): ThrottleState =>
  state.failures >= MAX_CONSECUTIVE_FAILURES && now >= state.notBefore ? INITIAL_THROTTLE : state;

export const afterSuccess = (): ThrottleState => INITIAL_THROTTLE;
