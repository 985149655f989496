/**
 * Every SQL driver the relay ships, for the suites that must hold on each: SQLite, PGlite and a
 * real PostgreSQL server. Each `open` gives a fresh, empty database.
 */
import { openSqliteDriver } from '../../relay/store/sqlite';
import { postgresDrivers, type DriverFactory } from './postgres-drivers';

export type { DriverFactory };

export const drivers: readonly DriverFactory[] = [
  { name: 'sqlite', unavailable: undefined, open: async () => openSqliteDriver(':memory:') },
  ...postgresDrivers,
];
