/**
 * Every SQL driver the store suite runs against. Each `open` gives a fresh, empty database;
 * PostgreSQL and PGlite drivers join this list beside SQLite.
 */
import { openSqliteDriver } from '../../relay/store/sqlite';
import type { SqlDriver } from '../../relay/store/sql-driver';

export interface DriverFactory {
  readonly name: string;
  readonly open: () => Promise<SqlDriver>;
}

export const drivers: readonly DriverFactory[] = [
  { name: 'sqlite', open: async () => openSqliteDriver(':memory:') },
];
