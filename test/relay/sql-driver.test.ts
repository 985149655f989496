import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import type { PostgresDriver } from '../../relay/store/postgres-dialect';
import type { SqlDriver } from '../../relay/store/sql-driver';
import {
  describeDriver, FIRST_OPEN_TIMEOUT_MS, postgresDrivers, releaseDriverResources, sharedPostgresServer,
  type DriverFactory,
} from './postgres-drivers';
import { openPostgres } from '../../relay/store/postgres';
import { drivers } from './drivers';

/** What every `SqlDriver` promises the relay's store, proved on each driver the relay ships. */
const conformingDrivers: readonly DriverFactory[] = drivers;

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

const columnTypes = (driver: SqlDriver) => (driver.dialect === 'postgres'
  ? { int: 'BIGINT', blob: 'BYTEA' }
  : { int: 'INTEGER', blob: 'BLOB' });

const createTables = async (driver: SqlDriver): Promise<void> => {
  const { int, blob } = columnTypes(driver);
  await driver.exec(`
    CREATE TABLE items (id ${int} PRIMARY KEY, big ${int}, body ${blob}, note TEXT);
    CREATE TABLE teams (id TEXT PRIMARY KEY, head_seq ${int} NOT NULL DEFAULT 0);
    CREATE TABLE change_sets (team_id TEXT NOT NULL, seq ${int} NOT NULL, PRIMARY KEY (team_id, seq));
    INSERT INTO teams (id) VALUES ('team-a');
  `);
};

const pause = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

for (const factory of conformingDrivers) {
  describeDriver(factory, ({ open }) => {
    let driver: SqlDriver;
    beforeEach(async () => {
      driver = await open();
      await createTables(driver);
    }, FIRST_OPEN_TIMEOUT_MS);
    afterEach(() => driver.close());

    it('round-trips integers past 2^31, blobs, null, and text with ? in it', async () => {
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
      await driver.run('INSERT INTO items (id, big, body, note) VALUES (?, ?, ?, ?)', [1, 2 ** 31 + 5, everyByte, 'who? me?']);
      await driver.run('INSERT INTO items (id, big, body, note) VALUES (?, ?, ?, ?)', [2, Number.MAX_SAFE_INTEGER, new Uint8Array(0), null]);
      await driver.run('INSERT INTO items (id, big, body, note) VALUES (?, ?, ?, ?)', [3, -(2 ** 40), null, '']);

      const rows = await driver.all('SELECT id, big, body, note FROM items ORDER BY id');
      expect(rows).toEqual([
        { id: 1, big: 2 ** 31 + 5, body: everyByte, note: 'who? me?' },
        { id: 2, big: Number.MAX_SAFE_INTEGER, body: new Uint8Array(0), note: null },
        { id: 3, big: -(2 ** 40), body: null, note: '' },
      ]);
      expect(Object.getPrototypeOf(rows[0]!.body)).toBe(Uint8Array.prototype);
    });

    it("keeps a ? inside quotes as text while numbering the parameters around it", async () => {
      const changed = await driver.run(
        "INSERT INTO items (id, note, big) VALUES (?, 'is it ''quoted?'' -- or not?', ?)",
        [7, 42],
      );
      expect(changed).toBe(1);
      const [row] = await driver.all("SELECT note, big FROM items WHERE note LIKE '%?%' AND id = ?", [7]);
      expect(row).toEqual({ note: "is it 'quoted?' -- or not?", big: 42 });
    });

    it('returns the inserted row once, and nothing for a conflicting insert', async () => {
      const insert = 'INSERT INTO change_sets (team_id, seq) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING seq';
      expect(await driver.all(insert, ['team-a', 1])).toEqual([{ seq: 1 }]);
      expect(await driver.all(insert, ['team-a', 1])).toEqual([]);
      expect(await driver.all('SELECT COUNT(*) AS n FROM change_sets')).toEqual([{ n: 1 }]);
    });

    it('returns the updated values, and counts changed rows', async () => {
      const rows = await driver.all('UPDATE teams SET head_seq = head_seq + ? WHERE id = ? RETURNING head_seq', [5, 'team-a']);
      expect(rows).toEqual([{ head_seq: 5 }]);
      expect(await driver.run('UPDATE teams SET head_seq = 0 WHERE id = ?', ['no-such-team'])).toBe(0);
    });

    it('runs several DDL statements in one exec', async () => {
      await driver.exec('CREATE TABLE a (x TEXT); CREATE TABLE b (y TEXT); INSERT INTO b (y) VALUES (\'semi;colon\');');
      expect(await driver.all('SELECT y FROM b')).toEqual([{ y: 'semi;colon' }]);
      expect(await driver.all('SELECT x FROM a')).toEqual([]);
    });

    it('commits a transaction when its function resolves', async () => {
      const seq = await driver.transaction(async (tx) => {
        const [team] = await tx.all<{ head_seq: number }>('UPDATE teams SET head_seq = head_seq + 1 WHERE id = ? RETURNING head_seq', ['team-a']);
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', team!.head_seq]);
        return team!.head_seq;
      });
      expect(seq).toBe(1);
      expect(await driver.all('SELECT team_id, seq FROM change_sets')).toEqual([{ team_id: 'team-a', seq: 1 }]);
    });

    it('stores nothing from a transaction whose function throws, and stays usable', async () => {
      const failure = new Error('refused after writing');
      await expect(driver.transaction(async (tx) => {
        await tx.run('UPDATE teams SET head_seq = head_seq + 1 WHERE id = ?', ['team-a']);
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 1]);
        throw failure;
      })).rejects.toBe(failure);

      await expect(driver.transaction(async (tx) => {
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 2]);
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 2]); // primary key clash
      })).rejects.toThrow();

      expect(await driver.all('SELECT head_seq FROM teams')).toEqual([{ head_seq: 0 }]);
      expect(await driver.all('SELECT seq FROM change_sets')).toEqual([]);
      await driver.transaction((tx) => tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 3]));
      expect(await driver.all('SELECT seq FROM change_sets')).toEqual([{ seq: 3 }]);
    });

    it('serialises concurrent transactions on one team row: gap-free, never the same sequence twice', async () => {
      const pushes = 8;
      const seen = await Promise.all(Array.from({ length: pushes }, () => driver.transaction(async (tx) => {
        const [team] = await tx.all<{ head_seq: number }>('UPDATE teams SET head_seq = head_seq + 1 WHERE id = ? RETURNING head_seq', ['team-a']);
        await pause(5); // another push would slip in here if the row were not held
        const [again] = await tx.all<{ head_seq: number }>('SELECT head_seq FROM teams WHERE id = ?', ['team-a']);
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', team!.head_seq]);
        return { taken: team!.head_seq, stillHeld: again!.head_seq };
      })));

      expect(seen.map((s) => s.taken).sort((a, b) => a - b)).toEqual(Array.from({ length: pushes }, (_, i) => i + 1));
      for (const { taken, stillHeld } of seen) expect(stillHeld).toBe(taken);
      expect(await driver.all('SELECT COUNT(*) AS n FROM change_sets')).toEqual([{ n: pushes }]);
    });
  });
}

for (const factory of postgresDrivers) {
  describeDriver(factory, ({ open }) => {
    let driver: PostgresDriver;
    beforeEach(async () => { driver = await open(); }, FIRST_OPEN_TIMEOUT_MS);
    afterEach(() => driver.close());

    it('refuses a BIGINT beyond 2^53 rather than rounding it', async () => {
      await expect(driver.all('SELECT 9007199254740993::bigint AS n')).rejects.toMatchObject({ type: 'integer-out-of-range' });
      expect(await driver.all('SELECT 9007199254740991::bigint AS n')).toEqual([{ n: Number.MAX_SAFE_INTEGER }]);
    });

    it('reads SUM over BIGINT and booleans as numbers', async () => {
      expect(await driver.all('SELECT SUM(x) AS total, 1 < 2 AS yes FROM (VALUES (4294967296::bigint), (1::bigint)) AS v(x)'))
        .toEqual([{ total: 4294967297, yes: 1 }]);
    });

    it('delivers a notification sent inside a transaction only when it commits', async () => {
      const received: string[] = [];
      let delivered: () => void = () => undefined;
      const kept = new Promise<void>((resolve) => { delivered = resolve; });
      const stop = await driver.listen('locket_team', (payload) => {
        received.push(payload);
        if (payload === 'team-a:2') delivered();
      });

      await expect(driver.transaction(async (tx) => {
        await tx.all('SELECT pg_notify(?, ?)', ['locket_team', 'team-a:1']);
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await driver.transaction((tx) => tx.all('SELECT pg_notify(?, ?)', ['locket_team', 'team-a:2']));
      await kept;
      await driver.notify('locket_team', 'team-b:7');
      await expect.poll(() => received).toEqual(['team-a:2', 'team-b:7']);
      await stop();
    });
  });
}

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  it('keeps a committed transaction through a server crash, loses the open one, and recovers its pool and LISTEN', async () => {
    const server = await sharedPostgresServer();
    const driver = openPostgres({ url: await server.createDatabase('crash'), listenRetryMs: 50 });
    try {
      await createTables(driver);
      const payloads: string[] = [];
      await driver.listen('locket_team', (payload) => payloads.push(payload));
      await driver.transaction(async (tx) => {
        await tx.run('UPDATE teams SET head_seq = 1 WHERE id = ?', ['team-a']);
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 1]);
      });

      let resume: () => void = () => undefined;
      const crashed = new Promise<void>((resolve) => { resume = resolve; });
      let begun: () => void = () => undefined;
      const inFlightBegun = new Promise<void>((resolve) => { begun = resolve; });
      const inFlight = driver.transaction(async (tx) => {
        await tx.run('INSERT INTO change_sets (team_id, seq) VALUES (?, ?)', ['team-a', 2]);
        begun();
        await crashed;
        await tx.run('UPDATE teams SET head_seq = 2 WHERE id = ?', ['team-a']);
      });
      await inFlightBegun;

      server.stop('immediate');
      await pause(200); // the connections' ends reach the pool, the LISTEN client and the open transaction
      resume();
      await expect(inFlight).rejects.toThrow();
      await server.start();

      expect(await driver.all('SELECT team_id, seq FROM change_sets')).toEqual([{ team_id: 'team-a', seq: 1 }]);
      expect(await driver.all('SELECT head_seq FROM teams')).toEqual([{ head_seq: 1 }]);
      await expect.poll(async () => {
        await driver.notify('locket_team', 'after-restart');
        return payloads.includes('after-restart');
      }, { timeout: 10_000, interval: 200 }).toBe(true);
    } finally {
      await driver.close();
      await server.dropDatabase('crash');
    }
  }, FIRST_OPEN_TIMEOUT_MS);
});
