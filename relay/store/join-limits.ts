/**
 * Failed join attempts, counted where every relay process sees them (the database), so guessing
 * at an invite cannot be spread over processes. An invite is locked for good after
 * JOIN_FAILURES_PER_INVITE failed joins, even against the right secret afterwards: the admin
 * makes a new one. A client address is locked for the rest of its window after
 * JOIN_FAILURES_PER_ADDRESS failures across invites, so one address cannot try many invites.
 */
import type { Clock } from '../../core/clock';
import type { SqlDriver } from './sql-driver';

export const JOIN_FAILURES_PER_INVITE = 5;
export const JOIN_FAILURES_PER_ADDRESS = 5;
export const ADDRESS_WINDOW_MS = 60 * 60 * 1000;

/** What a failed join is counted against: the invite it named (when it named one) and the caller's address. */
export interface JoinAttempt {
  readonly team: string;
  readonly inviteId?: string;
  readonly address: string;
}

const inviteKey = (team: string, inviteId: string): string => `invite:${team}:${inviteId}`;
const addressKey = (address: string): string => `ip:${address}`;

export const createJoinLimitOps = (driver: SqlDriver, clock: Clock) => {
  const failuresOf = async (key: string): Promise<{ failures: number; windowStart: number } | undefined> => {
    const row = (await driver.all<{ failures: number; window_start: number }>(
      `SELECT failures, window_start FROM join_failures WHERE key = ?`, [key],
    ))[0];
    return row && { failures: Number(row.failures), windowStart: Number(row.window_start) };
  };

  /** Adds one failure; a window that ended (`resetBefore`) starts again at one. */
  const countFailure = async (key: string, resetBefore: number): Promise<void> => {
    await driver.run(
      `INSERT INTO join_failures (key, failures, window_start) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN join_failures.window_start <= ? THEN 1 ELSE join_failures.failures + 1 END,
         window_start = CASE WHEN join_failures.window_start <= ? THEN excluded.window_start ELSE join_failures.window_start END`,
      [key, clock.now(), resetBefore, resetBefore],
    );
  };

  return {
    /** True when the invite or the address has used up its failed attempts. */
    joinLocked: async (attempt: JoinAttempt): Promise<boolean> => {
      if (attempt.inviteId !== undefined && ((await failuresOf(inviteKey(attempt.team, attempt.inviteId)))?.failures ?? 0) >= JOIN_FAILURES_PER_INVITE) {
        return true;
      }
      const address = await failuresOf(addressKey(attempt.address));
      return address !== undefined && address.failures >= JOIN_FAILURES_PER_ADDRESS && address.windowStart > clock.now() - ADDRESS_WINDOW_MS;
    },

    recordJoinFailure: async (attempt: JoinAttempt): Promise<void> => {
      // An invite's count never restarts: -1 is before every window.
      if (attempt.inviteId !== undefined) await countFailure(inviteKey(attempt.team, attempt.inviteId), -1);
      await countFailure(addressKey(attempt.address), clock.now() - ADDRESS_WINDOW_MS);
    },
  };
};
