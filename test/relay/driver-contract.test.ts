/** What every SqlDriver promises (relay/store/sql-driver.ts), checked on each driver in the list. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDialect } from '../../relay/store/migrations';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { drivers } from './drivers';

describe.each(drivers)('SQL driver contract on $name', ({ open }) => {
  let driver: SqlDriver;
  beforeEach(async () => {
    driver = await open();
    await driver.exec(toDialect('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, b BLOB, s TEXT) STRICT', driver.dialect));
  });
  afterEach(async () => { await driver.close(); });

  it('returns integers as numbers, blobs as plain Uint8Array, NULL as null', async () => {
    const big = 2 ** 52 + 1;
    await driver.run('INSERT INTO t (id, n, b, s) VALUES (?, ?, ?, ?)', [1, big, new Uint8Array([0, 1, 255]), null]);
    const [row] = await driver.all('SELECT id, n, b, s FROM t');
    expect(row).toEqual({ id: 1, n: big, b: new Uint8Array([0, 1, 255]), s: null });
    expect(Object.getPrototypeOf(row!.b)).toBe(Uint8Array.prototype);
  });

  it('counts changed rows and returns RETURNING rows from writes', async () => {
    await driver.run('INSERT INTO t (id, n) VALUES (?, ?), (?, ?)', [1, 10, 2, 20]);
    expect(await driver.run('UPDATE t SET n = n + 1 WHERE n >= ?', [10])).toBe(2);
    expect(await driver.all('UPDATE t SET n = n + ? WHERE id = ? RETURNING n', [5, 2])).toEqual([{ n: 26 }]);
    expect(await driver.all('INSERT INTO t (id, n) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id', [1, 0])).toEqual([]);
  });

  it('commits when fn resolves, rolls back when it throws, and serialises writers that take the row with UPDATE … RETURNING', async () => {
    await driver.run('INSERT INTO t (id, n) VALUES (1, 0)');
    const increments = Array.from({ length: 20 }, () => driver.transaction(async (tx) => {
      // The store's per-team lock: on SQLite the driver queues transactions, on PostgreSQL the row lock holds the next writer.
      const [row] = await tx.all<{ n: number }>('UPDATE t SET n = n + 0 WHERE id = 1 RETURNING n');
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.run('UPDATE t SET n = ? WHERE id = 1', [row!.n + 1]);
    }));
    await Promise.all(increments);
    await expect(driver.transaction(async (tx) => {
      await tx.run('UPDATE t SET n = 999 WHERE id = 1');
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await driver.all('SELECT n FROM t WHERE id = 1')).toEqual([{ n: 20 }]);
  });
});
