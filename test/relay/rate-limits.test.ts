/**
 * The relay's fair-use limits (issue 14, SYNC.md §12), on SQLite and on PGlite, with the relay's
 * clock moved by hand: 429 with Retry-After and RateLimit-* at the configured limit and not
 * before, the wait shrinking as time passes; other teams and other addresses unaffected; the
 * per-address sign-in limit; the socket's frame limit answered with a `rate_limited` frame; and
 * two relays on one PGlite, and on one real PostgreSQL server, sharing one count.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../core/clock';
import type { RateLimitsConfig } from '../../relay/server/limits-config';
import { NO_LIMITS } from '../../relay/server/limits-config';
import { RATE_LIMITED_CLOSE } from '../../relay/server/sockets';
import { openPostgres } from '../../relay/store/postgres';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { drivers, type DriverFactory } from './drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, openPokeSocket, waitFor, type RelayClient } from './support/relay-client';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, postgresDrivers, releaseDriverResources, sharedPostgresServer } from './postgres-drivers';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

afterAll(releaseDriverResources);

interface Answer { readonly status: number; readonly headers: Headers; readonly body: unknown }

const post = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, headers: response.headers, body: await response.json() };
};

const limitHeaders = (answer: Answer) => Object.fromEntries(
  ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'].map((name) => [name, answer.headers.get(name)]),
);

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open, name }) => {
  let relay: TestRelay | undefined;
  let clock: ManualClock;
  afterEach(async () => { await relay?.dispose(); relay = undefined; });

  const start = async (limits: Partial<RateLimitsConfig>, behindProxy = false): Promise<TestRelay> => {
    clock = createManualClock(Date.UTC(2026, 11, 6, 9));
    const config = { limits: { ...NO_LIMITS, ...limits }, behindProxy };
    relay = name === 'sqlite' ? await startTestRelay(config, undefined, { clock }) : await startTestRelay(config, undefined, { clock, driver: await open() });
    return relay;
  };

  const newDevice = async (url: string): Promise<{ device: TestDevice; client: RelayClient }> => {
    const device = await createTestDevice(newTeamId(), newTeamKey(), clock);
    return { device, client: await connectDevice(url, device, 'register') };
  };

  const pull = (url: string, client: RelayClient): Promise<Answer> => post(`${url}/v1/pull`, { since: 0 }, { authorization: `Bearer ${client.token()}` });

  it('answers a device\'s request over its limit with 429, Retry-After and RateLimit-* headers, and serves it again once the window passed', async () => {
    const { url } = await start({ burst: { points: 5, seconds: 60 } });
    const { client } = await newDevice(url);
    for (let request = 0; request < 5; request += 1) expect((await pull(url, client)).status).toBe(200);

    const refused = await pull(url, client);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'rate_limited', retryAfter: 60 });
    expect(limitHeaders(refused)).toEqual({
      'retry-after': '60', 'ratelimit-limit': '5', 'ratelimit-remaining': '0', 'ratelimit-reset': '60', 'ratelimit-policy': '5;w=60',
    });

    clock.advance(40_500);
    const later = await pull(url, client);
    // 19.5 s left, rounded up to whole seconds.
    expect([later.status, later.headers.get('retry-after'), later.headers.get('ratelimit-reset')]).toEqual([429, '20', '20']);

    clock.advance(19_500);
    expect((await pull(url, client)).status).toBe(200);
  }, FIRST_OPEN_TIMEOUT_MS);

  it('counts each team\'s pushed bytes on its own: a team over its day\'s bytes waits, another team pushes on', async () => {
    const { url } = await start({ teamBytesPerDay: 20_000 });
    const busy = await newDevice(url);
    const quiet = await newDevice(url);
    const bigSet = async (device: TestDevice) => [await device.nextSet(['x'.repeat(6_000)])];

    const answers: number[] = [];
    for (let push = 0; push < 4; push += 1) answers.push((await busy.client.pushRaw({ reqId: `b${push}`, sets: await bigSet(busy.device) })).status);
    expect(answers.slice(0, 2)).toEqual([200, 200]);
    expect(answers.at(-1)).toBe(429);

    clock.advance(3_600_000);
    const refused = await post(`${url}/v1/push`, { reqId: 'late', sets: await bigSet(busy.device) }, { authorization: `Bearer ${busy.client.token()}` });
    expect(refused.status).toBe(429);
    // The day's window started at the first push, an hour ago.
    expect(Number(refused.headers.get('retry-after'))).toBe(23 * 3600);
    expect(refused.headers.get('ratelimit-policy')).toBe('20000;w=86400');

    for (let push = 0; push < 2; push += 1) expect((await quiet.client.pushRaw({ reqId: `q${push}`, sets: await bigSet(quiet.device) })).status).toBe(200);
    expect(await quiet.client.pullAll(0)).toHaveLength(2);
  }, FIRST_OPEN_TIMEOUT_MS);

  it('limits sign-ins per client address, and behind a proxy tells addresses apart by X-Forwarded-For', async () => {
    const { url } = await start({ auth: { points: 4, seconds: 60 } }, true);
    const team = newTeamId();
    const challenge = (from: string) => post(`${url}/v1/challenge`, { team, device: 'd'.repeat(22) }, { 'x-forwarded-for': `203.0.113.9, ${from}` });

    const first = await Promise.all([1, 2, 3, 4].map(() => challenge('198.51.100.1')));
    expect(first.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const refused = await challenge('198.51.100.1');
    expect([refused.status, refused.headers.get('retry-after'), refused.headers.get('ratelimit-policy')]).toEqual([429, '60', '4;w=60']);
    // The session request is a sign-in too.
    const session = await post(`${url}/v1/session`, { team, device: 'd'.repeat(22), nonce: 'n'.repeat(43), sig: 's'.repeat(86) }, { 'x-forwarded-for': '198.51.100.1' });
    expect(session.status).toBe(429);

    expect((await challenge('198.51.100.2')).status).toBe(200);
  }, FIRST_OPEN_TIMEOUT_MS);

  it('answers a socket frame over the device\'s limit with a rate_limited frame and closes the socket', async () => {
    const { url } = await start({ frames: { points: 2, seconds: 10 } });
    const { client } = await newDevice(url);
    const other = await newDevice(url);
    for (let socket = 0; socket < 2; socket += 1) {
      const opened = await openPokeSocket(url, client.token());
      await waitFor(() => opened.frames.length > 0);
      expect(opened.frames[0]).toMatchObject({ type: 'welcome' });
      opened.socket.close();
    }

    const limited = await openPokeSocket(url, client.token());
    const closed = new Promise<number>((resolve) => limited.socket.once('close', (code) => resolve(code)));
    expect(await closed).toBe(RATE_LIMITED_CLOSE);
    expect(limited.frames).toEqual([{ type: 'rate_limited', retryAfter: 10 }]);

    // Another device's socket is served as usual.
    const unaffected = await openPokeSocket(url, other.client.token());
    await waitFor(() => unaffected.frames.length > 0);
    expect(unaffected.frames[0]).toMatchObject({ type: 'welcome' });
    unaffected.socket.close();
  }, FIRST_OPEN_TIMEOUT_MS);
});

/** Two relays on one database, as two processes on one PostgreSQL, each with its own connections. */
interface SharedDatabase extends DriverFactory {
  readonly openPair: () => Promise<[SqlDriver, SqlDriver]>;
}

const sharedDatabase = (name: string, unavailable: string | undefined, openPair: SharedDatabase['openPair']): SharedDatabase =>
  ({ name, unavailable, openPair, open: async () => (await openPair())[0] });

const sharedDatabases: readonly SharedDatabase[] = [
  sharedDatabase('pglite', undefined, async () => {
    const driver = await drivers.find((candidate) => candidate.name === 'pglite')!.open();
    return [driver, driver];
  }),
  sharedDatabase('postgres', postgresDrivers.find((candidate) => candidate.name === 'postgres')!.unavailable, async () => {
    const url = await (await sharedPostgresServer()).createDatabase(`limits_${process.pid}`);
    return [openPostgres({ url }), openPostgres({ url })];
  }),
];

for (const shared of sharedDatabases) describeDriver(shared, () => {
  const relays: TestRelay[] = [];
  afterEach(async () => { await Promise.all(relays.splice(0).map((relay) => relay.dispose())); });

  it('refuses on one relay process what a device spent on another over the same database', async () => {
    const clock = createManualClock(Date.UTC(2026, 11, 6, 9));
    const [first, second] = await shared.openPair();
    const config = { limits: { ...NO_LIMITS, burst: { points: 3, seconds: 60 } } };
    relays.push(await startTestRelay(config, undefined, { clock, driver: first === second ? { ...first, close: async () => undefined } : first }));
    relays.push(await startTestRelay(config, undefined, { clock, driver: second }));
    const [one, two] = relays as [TestRelay, TestRelay];
    const device = await createTestDevice(newTeamId(), newTeamKey(), clock);
    const client = await connectDevice(one.url, device, 'register');
    const pullFrom = (relayUrl: string) => post(`${relayUrl}/v1/pull`, { since: 0 }, { authorization: `Bearer ${client.token()}` });

    expect([(await pullFrom(one.url)).status, (await pullFrom(two.url)).status, (await pullFrom(one.url)).status]).toEqual([200, 200, 200]);
    const refused = await pullFrom(two.url);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '60']);
  }, FIRST_OPEN_TIMEOUT_MS);
});
