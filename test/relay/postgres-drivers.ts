import { describe, it } from 'vitest';
import type { PostgresDriver } from '../../relay/store/postgres-dialect';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, pgliteDriver } from '../../relay/store/pglite';
import { openPostgres } from '../../relay/store/postgres';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { findPostgres, startPostgresServer, type PostgresServer } from './postgres-server';

/**
 * The drivers a store suite runs against, each opening a fresh, empty database. What is slow
 * to start (a PGlite instance takes seconds, a server too) starts once per test file, on the
 * first `open`; call `releaseDriverResources` in `afterAll`, and give the first `open` a long
 * hook timeout.
 */
export interface DriverFactory<Driver extends SqlDriver = SqlDriver> {
  readonly name: string;
  /** Why the driver cannot run on this machine; undefined when it can. */
  readonly unavailable: string | undefined;
  open(): Promise<Driver>;
}

let sharedServer: Promise<PostgresServer> | undefined;
let sharedPglite: Promise<PGlite> | undefined;
let databases = 0;

/**
 * A fresh database on the file's one PGlite instance: the `public` schema dropped and made
 * again. Closing the driver leaves the instance open for the next test.
 */
const openFreshPglite = async (): Promise<PostgresDriver> => {
  sharedPglite ??= createPglite();
  const db = await sharedPglite;
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return { ...pgliteDriver(db), close: async () => undefined };
};

/** Slow first opens: PGlite's initdb, or a server's, on a loaded machine. */
export const FIRST_OPEN_TIMEOUT_MS = 120_000;

/** The one server this test file uses; started on first use. */
export const sharedPostgresServer = (): Promise<PostgresServer> => {
  sharedServer ??= startPostgresServer();
  return sharedServer;
};

export const releaseDriverResources = async (): Promise<void> => {
  const server = await sharedServer?.catch(() => undefined);
  sharedServer = undefined;
  server?.dispose();
  const pglite = await sharedPglite?.catch(() => undefined);
  sharedPglite = undefined;
  await pglite?.close();
};

const postgresBinaries = findPostgres();

export const postgresDrivers: readonly DriverFactory<PostgresDriver>[] = [
  { name: 'pglite', unavailable: undefined, open: openFreshPglite },
  {
    name: 'postgres',
    unavailable: postgresBinaries.found ? undefined : postgresBinaries.reason,
    async open() {
      const server = await sharedPostgresServer();
      databases += 1;
      const name = `test_${process.pid}_${databases}`;
      const driver = openPostgres({ url: await server.createDatabase(name) });
      return {
        ...driver,
        async close() {
          await driver.close();
          await server.dropDatabase(name);
        },
      };
    },
  },
];

export type DriverRun = 'run' | 'fail' | 'skip';

/** A driver this machine lacks is skipped locally, and fails under CI, which must prove every driver. */
export const planDriverRun = (unavailable: string | undefined, env: NodeJS.ProcessEnv): DriverRun => {
  if (unavailable === undefined) return 'run';
  return env.CI === 'true' ? 'fail' : 'skip';
};

/**
 * `describe` for one driver. A driver this machine lacks is skipped with the reason printed;
 * under CI (CI=true) it fails instead, because CI must prove every driver.
 */
export const describeDriver = <Driver extends SqlDriver>(
  factory: DriverFactory<Driver>,
  suite: (factory: DriverFactory<Driver>) => void,
): void => {
  const reason = factory.unavailable ?? '';
  const plan = planDriverRun(factory.unavailable, process.env);
  if (plan === 'run') {
    describe(factory.name, () => suite(factory));
  } else if (plan === 'fail') {
    describe(factory.name, () => {
      it('can run on this machine', () => { throw new Error(reason); });
    });
  } else {
    process.stdout.write(`Skipping the ${factory.name} driver: ${reason}\n`);
    describe.skip(factory.name, () => suite(factory));
  }
};
