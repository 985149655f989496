/**
 * What a push costs in statements to the database, on every driver: on PostgreSQL each statement
 * is a round trip, and the ones inside a push's transaction are made while the team's row is
 * locked, so other devices of the team wait on each. A rate-limit counter is one statement (no
 * BEGIN, SET LOCAL, COMMIT around it) and still counts across calls; a set's items go in by one
 * statement, and come back whole and in order; the pushing device and whether the team has
 * tombstones are read by one statement.
 */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createManualClock } from '../../core/clock';
import { openRateLimitDriver, SqlRateLimiter } from '../../relay/store/rate-limit-store';
import { createRelayStore } from '../../relay/store/store';
import type { SqlDriver, SqlExecutor } from '../../relay/store/sql-driver';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

const START = Date.UTC(2026, 11, 6, 9);

/** `driver`, recording every statement and every transaction made through it. */
const counting = (driver: SqlDriver) => {
  const statements: string[] = [];
  let transactions = 0;
  const executor = (inner: SqlExecutor): SqlExecutor => ({
    all: (sql, params) => { statements.push(sql); return inner.all(sql, params); },
    run: (sql, params) => { statements.push(sql); return inner.run(sql, params); },
  });
  const counted: SqlDriver = {
    ...driver,
    ...executor(driver),
    transaction: (fn) => { transactions += 1; return driver.transaction((tx) => fn(executor(tx))); },
  };
  return { driver: counted, statements, transactions: () => transactions };
};

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let driver: SqlDriver;
  const clock = createManualClock(START);

  beforeEach(async () => {
    clock.set(START);
    driver = await open();
  }, FIRST_OPEN_TIMEOUT_MS);

  it('spends a rate-limit point in one statement, and refuses the point over the limit', async () => {
    await createRelayStore(driver, { clock }).migrate();
    const counters = await openRateLimitDriver(driver);
    const watched = counting(counters.driver);
    const limiter = new SqlRateLimiter(watched.driver, clock.now, { keyPrefix: 'burst', points: 2, duration: 60 });

    await limiter.consume('device-key', 1);
    expect(watched.statements).toHaveLength(1);
    expect(watched.transactions()).toBe(0);

    await limiter.consume('device-key', 1);
    await expect(limiter.consume('device-key', 1)).rejects.toBeInstanceOf(RateLimiterRes);
    clock.advance(60_000);
    await expect(limiter.consume('device-key', 1)).resolves.toMatchObject({ consumedPoints: 1 });
    await counters.close();
    await driver.close();
  });

  it('stores a set\'s five items by one statement, and gives them back whole and in order', async () => {
    const store = createRelayStore(driver, { clock });
    await store.migrate();
    const team = newTeamId();
    const device = await createTestDevice(team, newTeamKey(), clock);
    await store.createTeam(team, device.keys.deviceId, device.keys.publicKey);
    const set = await device.nextSet(['one', 'two', 'three', 'four', 'five']);
    const watched = counting(driver);

    const outcome = await createRelayStore(watched.driver, { clock }).appendSets(team, device.keys.deviceId, [set]);

    expect(outcome.results).toEqual([{ setId: set.setId, seq: 1, duplicate: false }]);
    expect(watched.statements.filter((sql) => sql.includes('INSERT INTO change_items'))).toHaveLength(1);
    // The lock, the device with whether tombstones exist, the set-id check, the set, its items, the head, (the notice,) the device's ack.
    expect(watched.statements).toHaveLength(driver.dialect === 'postgres' ? 8 : 7);
    const pulled = await store.pullSets(team, 0, 10);
    expect(pulled.sets[0]?.items).toEqual(set.items);
    await driver.close();
  });
});
