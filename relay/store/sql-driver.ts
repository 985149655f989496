/**
 * The one seam between the relay's store and a SQL engine (SQLite through better-sqlite3,
 * PostgreSQL through pg, or PGlite in-process). Migrations and queries are written once, with
 * `?` placeholders; a PostgreSQL driver rewrites them to `$n` outside quoted text.
 *
 * Invariants every driver keeps:
 * - Values cross as `SqlValue`: integers come back as `number` (PostgreSQL BIGINT included; the
 *   relay's integers stay below 2^53), blobs as `Uint8Array`, never as driver-specific types.
 * - `transaction` commits when `fn` resolves and rolls back when it throws; once it resolves the
 *   commit is durable (SQLite `synchronous=FULL`, PostgreSQL's default commit), because the relay
 *   acknowledges a push only after that.
 * - Transactions do not interleave on one SQLite connection (the driver queues them); on
 *   PostgreSQL, per-team ordering comes from `UPDATE teams … RETURNING` taking the row lock,
 *   which both engines accept.
 */
export type SqlValue = string | number | Uint8Array | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlExecutor {
  /** The rows of a query: SELECT, or INSERT/UPDATE/DELETE … RETURNING. */
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs one statement; how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Several DDL statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * After a commit that deleted ciphertext: makes the deleted bytes unreadable in the engine's
   * own files as far as the engine allows (SQLite zeroes freed space and empties its WAL).
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
}
