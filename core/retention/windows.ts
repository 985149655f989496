/**
 * The retention windows DESIGN.md promises, and the arithmetic on them. Every function takes
 * `now` from the caller's injected clock: tests move the clock, they never wait.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A deleted record is restorable for this long, then purged. */
export const TRASH_DAYS = 30;
/** A cancelled account is restorable for this long, then deleted with everything it held. */
export const CANCELLATION_DAYS = 14;
/** No automatic snapshot is kept longer than this. */
export const SNAPSHOT_MAX_DAYS = 50;
/** A change set the relay acknowledged stays queued this long, to heal a relay restored from a backup up to this old. */
export const OUTBOX_DAYS = 50;
/** Recent-login entries are kept this long unless the owner chooses another window. */
export const DEFAULT_LOGIN_DAYS = 90;
/** The login-history windows the owner can choose from. */
export const LOGIN_DAY_CHOICES = [30, 90, 180, 365] as const;

/** The moment a window that opened at `since` closes. */
export const windowEnd = (since: number, days: number): number => since + days * DAY_MS;

/** True once the window that opened at `since` has closed: at exactly `days` days it has. */
export const windowClosed = (since: number, days: number, now: number): boolean => now >= windowEnd(since, days);

/**
 * Whole days left before the window closes, rounded up, never below 0: a record deleted an
 * hour ago has 30 days left, one deleted 29.5 days ago has 1.
 */
export const daysLeft = (since: number, days: number, now: number): number =>
  Math.max(0, Math.ceil((windowEnd(since, days) - now) / DAY_MS));

/** Everything that opened at or before this moment has expired. */
export const expiredBefore = (days: number, now: number): number => now - days * DAY_MS;
