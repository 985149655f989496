/**
 * Reconnect delays: full-jitter exponential backoff (a random wait between 0 and the cap, the cap
 * doubling from 1 s to 60 s), so devices that lost the relay together do not return together.
 * A Retry-After from the relay is a floor, itself capped so that no wait is unbounded. A fair-use
 * refusal (`rate_limited`) is not the relay failing: the engine waits exactly what it asked.
 */
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
/** The longest the engine honours a Retry-After: beyond it, the relay is treated as down and retried anyway. */
export const RETRY_AFTER_MAX_MS = 10 * 60_000;

/** Full jitter under a cap that doubles from `baseMs` per attempt up to `maxMs`: the one backoff rule. */
export const jitteredBackoff = (attempt: number, random: () => number, baseMs: number, maxMs: number): number => {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * cap);
};

/** From this wait on, the status tells the user the relay asked Locket to slow down, and until when. */
export const SLOWED_NOTICE_MS = 30_000;

/** The wait after a `rate_limited` refusal: the relay's Retry-After (at least 1 s), capped like any other. */
export const rateLimitDelay = (retryAfterMs: number): number => Math.min(Math.max(retryAfterMs, 1000), RETRY_AFTER_MAX_MS);

export const backoffDelay = (attempt: number, random: () => number, retryAfterMs = 0): number =>
  Math.max(jitteredBackoff(attempt, random, BACKOFF_BASE_MS, BACKOFF_MAX_MS), Math.min(Math.max(retryAfterMs, 0), RETRY_AFTER_MAX_MS));
