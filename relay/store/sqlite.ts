/**
 * The SQLite driver: better-sqlite3 (synchronous) behind the async `SqlDriver` contract.
 *
 * Invariants: WAL with `synchronous=FULL`, so a committed transaction survives a killed process
 * (and power loss); every call goes through one queue, so a transaction's statements never
 * interleave with another caller's while its `fn` awaits. `secure_delete` zeroes every byte a
 * statement frees, so ciphertext dropped by a purge is gone from the file once `scrub` copies
 * the WAL back and truncates it (the WAL still holds the frames that wrote it until then).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver';

type Statement = Database.Statement<unknown[]>;

const toDriverParam = (value: SqlValue): unknown =>
  value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;

/** Buffers become plain Uint8Arrays: no driver-specific type crosses the contract. */
const toContractRow = (row: Record<string, unknown>): SqlRow => {
  const out: SqlRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = Buffer.isBuffer(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice() : (value as SqlValue);
  }
  return out;
};

export const openSqliteDriver = (file: string): SqlDriver => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');

  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const executor: SqlExecutor = {
    all: async <T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []) => {
      const statement = prepare(sql);
      const bound = params.map(toDriverParam);
      if (!statement.reader) {
        statement.run(...bound);
        return [] as T[];
      }
      return (statement.all(...bound) as Record<string, unknown>[]).map(toContractRow) as T[];
    },
    run: async (sql, params = []) => prepare(sql).run(...params.map(toDriverParam)).changes,
  };

  // One queue for everything: a caller outside a transaction must not slip between BEGIN and COMMIT.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };
  let closed = false;

  return {
    dialect: 'sqlite',
    all: (sql, params) => enqueue(() => executor.all(sql, params)),
    run: (sql, params) => enqueue(() => executor.run(sql, params)),
    exec: (sql) => enqueue(async () => { db.exec(sql); }),
    transaction: (fn) =>
      enqueue(async () => {
        // IMMEDIATE takes the write lock at once: another process on the same file waits (busy_timeout) instead of failing at commit.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(executor);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    scrub: () =>
      enqueue(async () => {
        // A reader in another process can hold the checkpoint back; SQLite reports it as busy.
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (result && result.busy !== 0) throw new Error('The SQLite WAL could not be emptied: another connection is reading');
      }),
    close: () =>
      enqueue(async () => {
        if (closed) return;
        closed = true;
        db.close();
      }),
  };
};
