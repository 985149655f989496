/**
 * rate-limiter-flexible's fixed-window counters kept in SQL through `SqlDriver`: on PostgreSQL
 * (and PGlite) in the relay's own database, so every relay process on it shares the same counts;
 * on SQLite in a private in-memory SQLite database of the process (`openRateLimitDriver`).
 *
 * Why not the library's RateLimiterSQLite or RateLimiterPostgres: they need the raw client
 * (a better-sqlite3 handle, a pg pool; PGlite in tests is neither), and the SQLite one would run
 * its statements beside the driver's queue, in the middle of a transaction another request holds
 * open across an await. Through the driver, a counter update is one statement like any other.
 *
 * Invariants: one statement both reads and moves a counter (`INSERT … ON CONFLICT DO UPDATE …
 * RETURNING`), so concurrent requests from several processes never lose a point; a window
 * starts at the first point spent in it and ends `duration` later by the injected clock; keys
 * arrive already hashed (rate-limits.ts), so no address or id is stored in the clear.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import { RATE_LIMITS_TABLE } from './migrations';
import type { SqlDriver } from './sql-driver';
import { openSqliteDriver } from './sqlite';

interface CounterRow {
  readonly points: number;
  readonly expire: number | null;
  [column: string]: number | null;
}

/**
 * Where the counters live. A SQLite relay is one process, so nothing needs sharing; and in its
 * file each counter update would be a transaction of its own, synced to disk (synchronous=FULL)
 * and queued behind every push: a request's two counters took 15 ms in the file against 0.01 ms
 * in memory, and doubled the push-to-applied latency in test/relay/sync-engine.test.ts. A counter
 * lost with the process lets a few requests through after a restart, never loses data, so on
 * SQLite they stay in memory, in the same SQL.
 */
export const openRateLimitDriver = async (driver: SqlDriver): Promise<{ driver: SqlDriver; close: () => Promise<void> }> => {
  if (driver.dialect !== 'sqlite') return { driver, close: async () => undefined };
  const memory = openSqliteDriver(':memory:');
  await memory.exec(RATE_LIMITS_TABLE);
  return { driver: memory, close: () => memory.close() };
};

export interface SqlRateLimiterOptions {
  readonly keyPrefix: string;
  readonly points: number;
  /** The window, in seconds. */
  readonly duration: number;
}

const UPSERT = `INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limits.expire IS NOT NULL AND rate_limits.expire <= ? THEN excluded.points ELSE rate_limits.points + excluded.points END,
    expire = CASE WHEN rate_limits.expire IS NOT NULL AND rate_limits.expire <= ? THEN excluded.expire ELSE rate_limits.expire END
  RETURNING points, expire`;

/** A block (`forceExpire`) replaces the counter and its window outright. */
const REPLACE = `INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET points = excluded.points, expire = excluded.expire
  RETURNING points, expire`;

export class SqlRateLimiter extends RateLimiterStoreAbstract {
  constructor(
    private readonly driver: SqlDriver,
    private readonly now: () => number,
    options: SqlRateLimiterOptions,
  ) {
    super({ storeClient: driver, ...options });
  }

  /** @internal rate-limiter-flexible's store contract: spend `points` on `rlKey` and return the counter. */
  _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<CounterRow> {
    const now = this.now();
    const expire = msDuration > 0 ? now + msDuration : null;
    const rows = forceExpire ? this.write(REPLACE, [rlKey, points, expire]) : this.write(UPSERT, [rlKey, points, expire, now, now]);
    return rows.then((found) => {
      const row = found[0];
      if (!row) throw new Error('The rate-limit counter was not returned');
      return row;
    });
  }

  /**
   * On PostgreSQL a counter's commit does not wait for the disk (synchronous_commit off, for this
   * statement's own transaction only): a server crash may forget the last few points, which lets a
   * few requests through; waiting for the flush cost every request two synced commits. The setting
   * rides in the statement itself (`set_config(…, true)` in RETURNING runs before its implicit
   * commit), so a counter is one round trip, not BEGIN, SET LOCAL, the upsert and COMMIT.
   */
  private write(sql: string, params: readonly (string | number | null)[]): Promise<CounterRow[]> {
    if (this.driver.dialect !== 'postgres') return this.driver.all<CounterRow>(sql, params);
    return this.driver.all<CounterRow>(`${sql}, set_config('synchronous_commit', 'off', true) AS unsynced`, params);
  }

  /** @internal */
  _get(rlKey: string): Promise<CounterRow | null> {
    return this.driver.all<CounterRow>(`SELECT points, expire FROM rate_limits WHERE key = ? AND (expire IS NULL OR expire > ?)`, [rlKey, this.now()])
      .then((rows) => rows[0] ?? null);
  }

  /** @internal */
  _delete(rlKey: string): Promise<boolean> {
    return this.driver.run(`DELETE FROM rate_limits WHERE key = ?`, [rlKey]).then((changed) => changed > 0);
  }

  /** @internal */
  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: CounterRow): RateLimiterRes {
    const consumed = Number(row.points);
    const msBeforeNext = row.expire === null ? -1 : Math.max(Number(row.expire) - this.now(), 0);
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, consumed === changedPoints);
  }
}

/** Drops counters whose window has passed; the relay runs it with its other expiry sweeps. */
export const sweepRateLimits = (driver: SqlDriver, now: number): Promise<number> =>
  driver.run(`DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire <= ?`, [now]);
