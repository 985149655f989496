import pg from 'pg';
import { jitteredBackoff } from '../../core/sync/engine/backoff';
import type { SqlExecutor, SqlRow, SqlValue } from './sql-driver';
import {
  contractParsers, numberedPlaceholders, quoteIdentifier, type PostgresDriver,
} from './postgres-dialect';

/**
 * The relay's store on a PostgreSQL server through a `pg` pool. Each `transaction` holds one
 * pooled client from BEGIN to COMMIT or ROLLBACK and always gives it back; a client whose
 * ROLLBACK failed is destroyed rather than returned, so no later caller inherits a broken
 * transaction. Notifications use one dedicated client outside the pool, because a pooled
 * client goes back to other work and a LISTEN must stay on its connection.
 */
export interface PostgresOptions {
  readonly url: string;
  readonly maxConnections?: number;
  /** Connection-level failures (server restarted, network cut); the pool replaces the client itself. */
  readonly onConnectionError?: (error: Error) => void;
  /** The LISTEN client's first reconnect waits up to this long after its connection dropped (default 1 s)… */
  readonly listenRetryMs?: number;
  /** …and each failed attempt doubles that bound, up to this (default 5 s). */
  readonly listenRetryMaxMs?: number;
}

const contractTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    contractParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const toParams = (params: readonly SqlValue[]): unknown[] =>
  params.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value));

const executorOn = (queryable: pg.Pool | pg.PoolClient): SqlExecutor => ({
  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await queryable.query<T>(numberedPlaceholders(sql), toParams(params));
    return result.rows;
  },
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await queryable.query(numberedPlaceholders(sql), toParams(params));
    return result.rowCount ?? 0;
  },
});

export const openPostgres = (options: PostgresOptions): PostgresDriver => {
  const reportError = options.onConnectionError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: contractTypes,
  });
  // An idle client whose server went away emits here; without a listener Node would exit.
  pool.on('error', reportError);
  const executor = executorOn(pool);
  const notifications = listenClient(options, reportError);

  return {
    dialect: 'postgres',
    all: executor.all,
    run: executor.run,
    async exec(sql) {
      // A query without parameters goes through the simple protocol, which takes many statements.
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // The pool listens for errors only on idle clients; one that loses its server between two
      // statements of a transaction would otherwise throw an unhandled 'error' and end the process.
      const onLostConnection = (error: Error): void => { broken = error; reportError(error); };
      client.on('error', onLostConnection);
      try {
        await client.query('BEGIN');
        const result = await fn(executorOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
        throw error;
      } finally {
        client.off('error', onLostConnection);
        client.release(broken);
      }
    },
    /**
     * Nothing more to do here: pull and pg_dump see only live rows. The old row versions stay in
     * the table's pages and in PostgreSQL's WAL until reused; no SQL command zeroes them.
     */
    scrub: async () => undefined,
    listen: notifications.listen,
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
};

interface Listener {
  readonly onPayload: (payload: string) => void;
  readonly onResumed: (() => void) | undefined;
}
type Listeners = Map<string, Set<Listener>>;

/**
 * One connection that LISTENs on every channel someone listens to. When it drops, it comes back
 * after a jittered backoff (from `listenRetryMs`, doubling to `listenRetryMaxMs`) and LISTENs
 * again, then calls every `onResumed`: notifications sent meanwhile are lost, which the relay
 * tolerates because a notification only hints that a team moved, so on resuming it pokes its
 * sockets anyway. TCP keep-alive finds a connection that died without a word.
 */
const listenClient = (options: PostgresOptions, reportError: (error: Error) => void) => {
  const listeners: Listeners = new Map();
  const retryMs = options.listenRetryMs ?? 1_000;
  const retryMaxMs = options.listenRetryMaxMs ?? 5_000;
  let current: Promise<pg.Client> | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Reconnects failed since the connection last stood; drives the backoff. */
  let failures = 0;
  /** Set when a connection that stood was lost, until a new one LISTENs again. */
  let lost = false;

  const scheduleReconnect = (): void => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (closed || listeners.size === 0) return;
      connect().catch(() => undefined);
    }, jitteredBackoff(failures, Math.random, retryMs, retryMaxMs));
    failures += 1;
  };

  const resumed = (): void => {
    for (const forChannel of listeners.values()) {
      for (const { onResumed } of forChannel) onResumed?.();
    }
  };

  const connect = (): Promise<pg.Client> => {
    if (current) return current;
    const client = new pg.Client({ connectionString: options.url, types: contractTypes, keepAlive: true });
    const attempt = (async () => {
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      failures = 0;
      if (lost) {
        lost = false;
        resumed();
      }
      return client;
    })();
    let stood = false;
    void attempt.then(() => { stood = true; }, () => undefined);
    const dropped = (error?: Error): void => {
      if (error) reportError(error);
      if (current !== attempt || closed) return;
      current = undefined;
      lost ||= stood;
      client.end().catch(() => undefined);
      scheduleReconnect();
    };
    client.on('error', dropped);
    client.on('end', () => dropped());
    client.on('notification', ({ channel, payload }) => {
      for (const { onPayload } of listeners.get(channel) ?? []) onPayload(payload ?? '');
    });
    current = attempt;
    attempt.catch((error: Error) => dropped(error));
    return attempt;
  };

  return {
    async listen(channel: string, onPayload: (payload: string) => void, onResumed?: () => void): Promise<() => Promise<void>> {
      const isNewChannel = !listeners.has(channel);
      const forChannel = listeners.get(channel) ?? new Set();
      const listener: Listener = { onPayload, onResumed };
      listeners.set(channel, forChannel.add(listener));
      const client = await connect();
      // A client that connected after the channel was added has already LISTENed; twice is harmless.
      if (isNewChannel) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      return async () => {
        forChannel.delete(listener);
        if (forChannel.size > 0 || listeners.get(channel) !== forChannel) return;
        listeners.delete(channel);
        const live = await current?.catch(() => undefined);
        await live?.query(`UNLISTEN ${quoteIdentifier(channel)}`).catch(() => undefined);
      };
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(retryTimer);
      const client = await current?.catch(() => undefined);
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
};
