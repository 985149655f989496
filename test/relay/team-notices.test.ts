/**
 * Relay processes sharing one PostgreSQL wake each other's sockets: a push committed through one
 * pokes the team's sockets held by the other, a session opened on one works on the other, and a
 * listening connection that was lost pokes every socket once it is back (a notice may have been
 * missed meanwhile), and processes starting together migrate once. Two relays in this process share one database: PGlite for speed, and a real
 * server where the listening connection can be cut.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { systemClock } from '../../core/clock';
import { authMessage, signBytes } from '../../core/sync/signing';
import { createPglite, pgliteDriver } from '../../relay/store/pglite';
import { openPostgres } from '../../relay/store/postgres';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { createRelayStore } from '../../relay/store/store';
import { parseTeamNotice, TEAM_CHANNEL } from '../../relay/store/team-notices';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, postgresDrivers, releaseDriverResources, sharedPostgresServer } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, openPokeSocket, postRaw, waitFor } from './support/relay-client';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The team's first device registered on `relayUrl`, and a second device enrolled by it. */
const teamOfTwo = async (relayUrl: string): Promise<[TestDevice, TestDevice]> => {
  const team = newTeamId();
  const teamKey = newTeamKey();
  const laptop = await createTestDevice(team, teamKey);
  const phone = await createTestDevice(team, teamKey);
  expect((await (await connectDevice(relayUrl, laptop, 'register')).addDevice(phone)).status).toBe(200);
  return [laptop, phone];
};

const pokedHeads = (frames: readonly { type: string; head?: number }[]): number[] =>
  frames.flatMap((frame) => (frame.type === 'poke' && frame.head !== undefined ? [frame.head] : []));

describe('a team notice', () => {
  it('reads back as the team and head it was sent with, and a malformed one as nothing', () => {
    expect(parseTeamNotice('Ab-_9xYz:42')).toEqual({ team: 'Ab-_9xYz', head: 42 });
    for (const malformed of ['', ':4', 'team', 'team:', 'team:-1', 'team:1.5', 'team:99999999999999999999']) {
      expect(parseTeamNotice(malformed)).toBeUndefined();
    }
  });
});

describe('the store on PostgreSQL', () => {
  let db: PGlite;
  beforeAll(async () => { db = await createPglite(); }, FIRST_OPEN_TIMEOUT_MS);
  afterAll(() => db.close());

  it('announces the team and its new head when a push commits, and nothing when it rolls back or stores nothing', async () => {
    const driver = pgliteDriver(db);
    let failNextCommit = true;
    const store = createRelayStore(driver, {
      clock: systemClock,
      beforeCommit: () => {
        if (failNextCommit) throw new Error('the commit did not happen');
      },
    });
    await store.migrate();
    const device = await createTestDevice(newTeamId(), newTeamKey());
    await store.createTeam(device.team, device.keys.deviceId, device.keys.publicKey);
    const heard: string[] = [];
    const stop = await driver.listen(TEAM_CHANNEL, (payload) => heard.push(payload));

    const first = await device.nextSet(['one']);
    await expect(store.appendSets(device.team, device.keys.deviceId, [first])).rejects.toThrow('the commit did not happen');
    failNextCommit = false;
    await store.appendSets(device.team, device.keys.deviceId, [first, await device.nextSet(['two'])]);
    await store.appendSets(device.team, device.keys.deviceId, [first]); // a duplicate: stored nothing
    await store.appendSets(device.team, device.keys.deviceId, [await device.nextSet(['three'])]);
    await expect.poll(() => heard).toEqual([`${device.team}:2`, `${device.team}:3`]);
    await stop();
  });
});

describe('two relays on one PGlite database', () => {
  let db: PGlite;
  let relays: TestRelay[] = [];
  beforeAll(async () => { db = await createPglite(); }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.dispose()));
    relays = [];
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });
  afterAll(() => db.close());

  /** Each relay closes only its own listener; the database outlives both. */
  const shared = (): SqlDriver => ({ ...pgliteDriver(db), close: async () => undefined });
  const startTwo = async (): Promise<[TestRelay, TestRelay]> => {
    relays = [await startTestRelay({}, undefined, { driver: shared() })];
    relays.push(await startTestRelay({}, undefined, { driver: shared() }));
    return [relays[0]!, relays[1]!];
  };

  it('pokes a socket held by the other relay when a push commits', async () => {
    const [first, second] = await startTwo();
    const [laptop, phone] = await teamOfTwo(first.url);
    const phoneOnSecond = await openPokeSocket(second.url, (await connectDevice(second.url, phone, 'session')).token());
    await waitFor(() => phoneOnSecond.frames.some((frame) => frame.type === 'welcome'));

    const laptopOnFirst = await connectDevice(first.url, laptop, 'session');
    await laptopOnFirst.push([await laptop.nextSet(['on the first relay'])]);
    await laptopOnFirst.push([await laptop.nextSet(['again'])]);
    await waitFor(() => pokedHeads(phoneOnSecond.frames).includes(2));
    expect(pokedHeads(phoneOnSecond.frames)).toEqual([1, 2]);
    phoneOnSecond.socket.close();
  });

  it('sends one poke per head to a socket on the pushing relay, though it also hears its own notice', async () => {
    const [first] = await startTwo();
    const [laptop, phone] = await teamOfTwo(first.url);
    const phoneSocket = await openPokeSocket(first.url, (await connectDevice(first.url, phone, 'session')).token());
    await waitFor(() => phoneSocket.frames.some((frame) => frame.type === 'welcome'));
    const laptopClient = await connectDevice(first.url, laptop, 'session');
    for (let index = 0; index < 3; index += 1) await laptopClient.push([await laptop.nextSet([`set ${index}`])]);
    await waitFor(() => pokedHeads(phoneSocket.frames).includes(3));
    await pause(200); // the notices of these commits have had time to arrive
    expect(pokedHeads(phoneSocket.frames)).toEqual([1, 2, 3]);
    phoneSocket.socket.close();
  });

  it('accepts on one relay a session whose challenge the other relay issued', async () => {
    const [first, second] = await startTwo();
    const [laptop] = await teamOfTwo(first.url);
    const challenge = (await postRaw(`${first.url}/v1/challenge`, JSON.stringify({ team: laptop.team, device: laptop.keys.deviceId }))).body as
      { nonce: string; relayInstance: string };
    const sig = await signBytes(laptop.keys.privateKey, authMessage('session', challenge.relayInstance, laptop.team, laptop.keys.deviceId, challenge.nonce));
    const session = await postRaw(`${second.url}/v1/session`, JSON.stringify({ team: laptop.team, device: laptop.keys.deviceId, nonce: challenge.nonce, sig }));
    expect(session.status).toBe(200);
    const token = (session.body as { token: string }).token;

    const pulled = await postRaw(`${first.url}/v1/pull`, JSON.stringify({ since: 0 }), token);
    expect(pulled).toMatchObject({ status: 200, body: { head: 0, relayInstance: challenge.relayInstance } });
    // The nonce was spent on the second relay: the first one refuses it too.
    const replayed = await postRaw(`${first.url}/v1/session`, JSON.stringify({ team: laptop.team, device: laptop.keys.deviceId, nonce: challenge.nonce, sig }));
    expect(replayed.status).toBe(401);
  });
});

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  afterAll(() => releaseDriverResources());

  it('migrates once when several relay processes start together on an empty database', async () => {
    const server = await sharedPostgresServer();
    const url = await server.createDatabase('together');
    const drivers = Array.from({ length: 4 }, () => openPostgres({ url }));
    try {
      const stores = drivers.map((driver) => createRelayStore(driver, { clock: systemClock }));
      const migrated = await Promise.all(stores.map((store) => store.migrate()));
      expect(migrated.filter(({ from }) => from === 0)).toHaveLength(1);
      expect(new Set(await Promise.all(stores.map((store) => store.instanceId())))).toHaveProperty('size', 1);
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
      await server.dropDatabase('together');
    }
  }, FIRST_OPEN_TIMEOUT_MS);

  it('pokes every socket it holds once its listening connection is back, since a notice may have been lost', async () => {
    const server = await sharedPostgresServer();
    const url = await server.createDatabase('resumed');
    const relay = await startTestRelay({}, undefined, { driver: openPostgres({ url, listenRetryMs: 50 }) });
    const admin = new pg.Client({ connectionString: url });
    try {
      const [laptop, phone] = await teamOfTwo(relay.url);
      const phoneSocket = await openPokeSocket(relay.url, (await connectDevice(relay.url, phone, 'session')).token());
      await waitFor(() => phoneSocket.frames.some((frame) => frame.type === 'welcome'));
      await (await connectDevice(relay.url, laptop, 'session')).push([await laptop.nextSet(['before the cut'])]);
      await waitFor(() => pokedHeads(phoneSocket.frames).includes(1));

      await admin.connect();
      const cut = await admin.query(
        `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      expect(cut.rows).toEqual([{ cut: true }]);
      // No push since: the poke that follows comes from the relay resuming, with the head it read.
      await waitFor(() => pokedHeads(phoneSocket.frames).length === 2, 10_000);
      expect(pokedHeads(phoneSocket.frames)).toEqual([1, 1]);
      phoneSocket.socket.close();
    } finally {
      await admin.end().catch(() => undefined);
      await relay.dispose();
      await server.dropDatabase('resumed');
    }
  }, FIRST_OPEN_TIMEOUT_MS);
});
