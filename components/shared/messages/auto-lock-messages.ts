import type { IdleMinutes } from '../../../core/security/auto-lock';

/** Each auto-lock choice in words. */
export const idleLabel = (minutes: IdleMinutes): string =>
  minutes === null ? 'Only when the browser restarts' : minutes === 1 ? 'After 1 minute' : `After ${minutes} minutes`;
