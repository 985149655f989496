import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlExecutor, SqlRow, SqlValue } from './sql-driver';
import { contractParsers, numberedPlaceholders, type PostgresDriver } from './postgres-dialect';

/**
 * The PostgreSQL dialect in-process (WASM), for tests that want PostgreSQL's behaviour without
 * a server. PGlite has one connection: its own lock queues every query behind an open
 * transaction, so transactions never interleave and a query outside one never lands inside it.
 */
export interface PgliteOptions {
  /** A folder to keep the database in; in memory when left out. */
  readonly dataDir?: string;
}

const executorOn = (queryable: PGlite | Transaction): SqlExecutor => ({
  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await queryable.query<T>(numberedPlaceholders(sql), [...params]);
    return result.rows;
  },
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await queryable.query(numberedPlaceholders(sql), [...params]);
    return result.affectedRows ?? 0;
  },
});

/** A PGlite instance whose values cross as the contract says (BIGINT as number, BYTEA as Uint8Array). */
export const createPglite = (options: PgliteOptions = {}): Promise<PGlite> =>
  PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), parsers: { ...contractParsers } });

/** The driver over an instance made by `createPglite`; `close` closes the instance. */
export const pgliteDriver = (db: PGlite): PostgresDriver => {
  const executor = executorOn(db);
  return {
    dialect: 'postgres',
    all: executor.all,
    run: executor.run,
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(executorOn(tx))),
    /**
     * Nothing more to do here: pull and pg_dump see only live rows. The old row versions stay in
     * the table's pages and in PostgreSQL's WAL until reused; no SQL command zeroes them.
     */
    scrub: async () => undefined,
    listen: (channel, onPayload) => db.listen(channel, onPayload).then((stop) => () => stop()),
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: () => db.close(),
  };
};

export const openPglite = async (options: PgliteOptions = {}): Promise<PostgresDriver> =>
  pgliteDriver(await createPglite(options));
