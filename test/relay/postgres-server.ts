import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { quoteIdentifier } from '../../relay/store/postgres-dialect';

/**
 * A throwaway PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temp folder,
 * 127.0.0.1 and a free port only, trust authentication for the `locket` role. The server
 * refuses to run as root, so under root every command runs as the `postgres` user.
 */
export type PostgresBinaries =
  | { readonly found: true; readonly bin: string }
  | { readonly found: false; readonly reason: string };

export interface PostgresServer {
  /** A fresh database on this server, as a connection URL. */
  createDatabase(name: string): Promise<string>;
  /** Drops a database no one is connected to; fewer files make crash recovery quicker. */
  dropDatabase(name: string): Promise<void>;
  /** The database as `pg_dump` writes it (plain SQL; BYTEA as `\\x` and hex), what a backup would hold. */
  dump(name: string): string;
  readonly url: string;
  /** The cluster's folder, removed by `dispose`. */
  readonly dataDir: string;
  /** `fast` finishes open sessions cleanly; `immediate` drops everything, as a crash would. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Starts the same cluster again on the same port, after `stop`; the event loop runs meanwhile (crash recovery takes seconds). */
  start(): Promise<void>;
  /** Stops the server if it runs and removes its folder. */
  dispose(): void;
}

const ROLE = 'locket';
/** Crash recovery ends with a checkpoint that syncs every file: slow on a loaded machine. */
const START_TIMEOUT_SECONDS = '180';

const INSTALL_HINT = 'PostgreSQL is not installed (looked for initdb and pg_ctl under /usr/lib/postgresql/*/bin): '
  + 'on Debian, `apt-get install -y postgresql`.';

export const findPostgres = (root = '/usr/lib/postgresql'): PostgresBinaries => {
  const versions = existsSync(root)
    ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  return bin ? { found: true, bin } : { found: false, reason: INSTALL_HINT };
};

const isRoot = (): boolean => process.getuid?.() === 0;

const asPostgresUser = (command: string, args: readonly string[]): [string, string[]] =>
  (isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]]);

/** Runs a PostgreSQL binary, as `postgres` when this process is root; throws with its output on failure. */
const runPostgresCommand = (command: string, args: readonly string[]): SpawnSyncReturns<string> => {
  const [file, fullArgs] = asPostgresUser(command, args);
  const result = spawnSync(file, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}`);
  }
  return result;
};

/** `runPostgresCommand` without blocking the event loop. */
const runPostgresCommandInBackground = (command: string, args: readonly string[]): Promise<void> => new Promise((resolve, reject) => {
  const [file, fullArgs] = asPostgresUser(command, args);
  execFile(file, fullArgs, { encoding: 'utf8' }, (error, stdout, stderr) => {
    if (error) reject(new Error(`${command} ${args.join(' ')} failed (${String(error.code ?? error.signal)}): ${stderr}${stdout}`));
    else resolve();
  });
});

const postgresUserIds = (): { uid: number; gid: number } => {
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const ids = { uid: id('-u'), gid: id('-g') };
  if (!Number.isInteger(ids.uid) || ids.uid <= 0) throw new Error('Running as root, but there is no `postgres` user to run the server as.');
  return ids;
};

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
  });
});

/** Every server this process started, so that an exit without `dispose` still stops them. */
const running = new Set<PostgresServer>();
process.once('exit', () => { for (const server of running) server.dispose(); });

export interface PostgresServerOptions {
  /** Server settings, as `-c name=value` on the server's command line. */
  readonly settings?: Readonly<Record<string, string>>;
}

export const startPostgresServer = async (options: PostgresServerOptions = {}): Promise<PostgresServer> => {
  const binaries = findPostgres();
  if (!binaries.found) throw new Error(binaries.reason);
  const pgCtl = join(binaries.bin, 'pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'locket-pg-'));
  const dispose = (): void => {
    // Also after a start that timed out: that server may still be coming up.
    if (existsSync(join(dir, 'postmaster.pid'))) {
      try { runPostgresCommand(pgCtl, ['-D', dir, '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
    }
    running.delete(server);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  const port = await freePort();
  const settings = Object.entries(options.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`).join('');
  const start = (): Promise<void> => runPostgresCommandInBackground(pgCtl, [
    '-D', dir, '-l', join(dir, 'log'), '-w', '-t', START_TIMEOUT_SECONDS,
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${settings}`, 'start',
  ]);
  const asAdmin = async (sql: string): Promise<void> => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  const server: PostgresServer = {
    url: `postgres://${ROLE}@127.0.0.1:${port}/postgres`,
    dataDir: dir,
    async createDatabase(name) {
      await asAdmin(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return `postgres://${ROLE}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    dropDatabase: (name) => asAdmin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`),
    dump: (name) => runPostgresCommand(join(binaries.bin, 'pg_dump'), ['-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-d', name]).stdout,
    stop(mode = 'fast') {
      runPostgresCommand(pgCtl, ['-D', dir, '-m', mode, '-w', 'stop']);
    },
    start,
    dispose,
  };
  running.add(server);
  try {
    if (isRoot()) {
      const { uid, gid } = postgresUserIds();
      chownSync(dir, uid, gid);
    }
    runPostgresCommand(join(binaries.bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', ROLE, '--no-sync', '-E', 'UTF8']);
    await start();
  } catch (error) {
    dispose();
    throw error;
  }
  return server;
};
