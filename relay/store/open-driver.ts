/**
 * Picks the SQL engine: PostgreSQL when a postgres:// URL is given, else the SQLite file.
 * The PostgreSQL driver lives in `./postgres` (export `openPostgresDriver(url)`), loaded only when asked for.
 */
import type { SqlDriver } from './sql-driver';
import { openSqliteDriver } from './sqlite';

interface PostgresModule { openPostgresDriver?: (url: string) => SqlDriver | Promise<SqlDriver> }

export const openDriver = async (target: { db: string | undefined; dataFile: string }): Promise<SqlDriver> => {
  if (target.db === undefined) return openSqliteDriver(target.dataFile);
  const specifier = './postgres';
  const postgres = (await import(specifier).catch(() => ({}))) as PostgresModule;
  if (!postgres.openPostgresDriver) throw new Error('This build of the relay has no PostgreSQL driver; leave out --db to use SQLite');
  return postgres.openPostgresDriver(target.db);
};
