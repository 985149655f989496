/** Picks the SQL engine: PostgreSQL when a postgres:// URL is given, else the SQLite file. */
import { openPostgres } from './postgres';
import type { SqlDriver } from './sql-driver';
import { openSqliteDriver } from './sqlite';

export const openDriver = async (target: { db: string | undefined; dataFile: string }): Promise<SqlDriver> =>
  (target.db === undefined ? openSqliteDriver(target.dataFile) : openPostgres({ url: target.db }));
