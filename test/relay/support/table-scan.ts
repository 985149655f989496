/**
 * Reading a relay database table by table, for retention and erasure tests: every table the
 * schema has (from the engine's own catalogue), and how many rows of each hold a given value.
 */
import type { SqlDriver, SqlValue } from '../../../relay/store/sql-driver';

export const relayTables = async (driver: SqlDriver): Promise<string[]> =>
  (driver.dialect === 'sqlite'
    ? await driver.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    : await driver.all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )).map((row) => row.name);

const holds = (value: SqlValue, needle: string | Uint8Array): boolean => {
  if (value === null || typeof value === 'number') return false;
  if (typeof value === 'string') return typeof needle === 'string' && value.includes(needle);
  return Buffer.from(value).includes(typeof needle === 'string' ? Buffer.from(needle) : Buffer.from(needle));
};

/** Per table, how many rows hold any of the needles in any column (text as a substring, bytes as a sub-sequence). */
export const rowsHolding = async (driver: SqlDriver, needles: readonly (string | Uint8Array)[]): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for (const table of await relayTables(driver)) {
    const rows = await driver.all(`SELECT * FROM "${table}"`);
    counts[table] = rows.filter((row) => Object.values(row).some((value) => needles.some((needle) => holds(value, needle)))).length;
  }
  return counts;
};
