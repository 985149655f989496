/**
 * One relay process: store, HTTP API, poke sockets (woken also by other processes' commits on the
 * same PostgreSQL), expiry sweeps, and a graceful stop that refuses new work, lets in-flight
 * requests (and so their commits and acks) finish, then closes.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../core/clock';
import type { DestinationStream } from 'pino';
import { openDriver } from '../store/open-driver';
import type { SqlDriver } from '../store/sql-driver';
import { listenForTeamHeads, TEAM_LOG_CHANNEL } from '../store/team-notices';
import { createRelayStore } from '../store/store';
import { createRetentionSweep } from '../retention/sweep';
import { createAuth, type RelayAuth } from './auth';
import { loadKeySecret } from './relay-key-secret';
import { createTwoFactor } from './two-factor';
import type { RelayConfig } from './config';
import { RelayRefusal, sendJson } from './http-kit';
import { createRelayLogger, hashId } from './logger';
import { openRateLimits, RateLimited, type RateLimits } from './rate-limits';
import { route } from './routes';
import { createSocketHub } from './sockets';

const SWEEP_INTERVAL_MS = 60_000;
const DRAIN_LIMIT_MS = 10_000;

/**
 * Who is asking, for the per-address limit. Behind a reverse proxy every connection comes from the
 * proxy, which appends the client's address to X-Forwarded-For; only that last entry is the
 * proxy's word, the ones before it are the client's own and could be anything.
 */
export const clientAddressOf = (request: IncomingMessage, behindProxy: boolean): string => {
  const forwarded = request.headers['x-forwarded-for'];
  const last = behindProxy ? (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim() : undefined;
  return last || request.socket.remoteAddress || 'unknown';
};

/** Routes see an `authenticate` that also spends the caller's per-device request allowance. */
const limitedAuth = (auth: RelayAuth, limits: RateLimits): RelayAuth => ({
  ...auth,
  authenticate: async (authorization) => {
    const caller = await auth.authenticate(authorization);
    await limits.deviceRequest(caller);
    return caller;
  },
});

/** LOCKET_RELAY_FAULT: die like a power cut inside the Nth storing transaction, so tests can prove nothing half-written survives. */
const faultHooks = (config: RelayConfig): { beforeCommit?: () => void } => {
  const target = config.exitBeforeCommit;
  if (target === undefined) return {};
  let appends = 0;
  return { beforeCommit: () => { if ((appends += 1) === target) process.kill(process.pid, 'SIGKILL'); } };
};

export interface RunningRelay {
  readonly url: string;
  /** Stops accepting, waits for in-flight requests (bounded), closes sockets and the store. */
  readonly close: () => Promise<void>;
}

export interface RelayOptions {
  readonly clock?: Clock;
  readonly logDestination?: DestinationStream;
  readonly socketHeartbeatMs?: number;
  /** A database already opened (tests run the relay on PGlite this way); otherwise the config's. */
  readonly driver?: SqlDriver;
  /** The key-encryption secret itself (tests sharing one database between relays); otherwise read from the config's file. */
  readonly relayKeySecret?: Uint8Array;
}

export const startRelay = async (config: RelayConfig, options: RelayOptions = {}): Promise<RunningRelay> => {
  const clock = options.clock ?? systemClock;
  const log = createRelayLogger(config.logLevel, options.logDestination);
  const driver = options.driver ?? (await openDriver(config));
  const relayKeySecret = options.relayKeySecret ?? loadKeySecret(config);
  const store = createRelayStore(driver, { clock, relayKeySecret, ...faultHooks(config) });
  const migrated = await store.migrate();
  if (migrated.from !== migrated.to) log.info({ from: migrated.from, to: migrated.to }, 'migrated');
  // At start, not at the first receipt: a wrong secret stops the relay at once, and a key an earlier version stored unsealed is sealed now.
  await store.relayKey();
  const relayInstance = await store.instanceId();
  const twoFactor = createTwoFactor(store, { origins: config.extensionOrigins, userVerification: config.twoFactorUserVerification });
  const auth = createAuth(store, clock.now, twoFactor);
  const limits = await openRateLimits(driver, config.limits, clock.now);
  const routeAuth = limitedAuth(auth, limits);
  const sockets = createSocketHub({
    auth, log, onFrame: limits.socketFrame, allowOrigins: config.allowOrigins, head: store.head, relayInstance,
    ...(options.socketHeartbeatMs === undefined ? {} : { heartbeatMs: options.socketHeartbeatMs }),
  });
  // Other processes on the same PostgreSQL commit pushes too; their notices wake this one's sockets.
  const stopListening = await listenForTeamHeads(driver, {
    onHead: ({ team, head }) => sockets.poke(team, head),
    onResumed: () => {
      log.info('notices resumed');
      sockets.pokeEveryTeam().catch((error: Error) => log.warn({ reason: error.message }, 'poking after resuming failed'));
    },
  });
  // A membership log moved on another process: this one's sockets of that team read it before their next push.
  const stopListeningForLogs = await listenForTeamHeads(driver, {
    onHead: ({ team, head }) => sockets.pokeMembers(team, head), onResumed: () => undefined,
  }, TEAM_LOG_CHANNEL);

  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') return sendJson(response, 200, { ok: true });
    if (request.method === 'GET' && path === '/readyz') {
      const ready = !draining && (await store.isReady().catch(() => false));
      return sendJson(response, ready ? 200 : 503, { ready });
    }
    if (draining) return sendJson(response, 503, { error: 'unavailable', detail: 'The relay is shutting down' }, { connection: 'close' });
    inFlight += 1;
    const clientAddress = clientAddressOf(request, config.behindProxy);
    try {
      const answer = await route(request, {
        store, auth: routeAuth, twoFactor, limits, clientAddress, log, relayInstance, maxBodyBytes: config.maxBodyBytes, now: clock.now,
        poke: sockets.poke, pokeMembers: sockets.pokeMembers, disconnect: sockets.disconnect,
      });
      sendJson(response, answer.status, answer.body);
    } catch (error) {
      if (error instanceof RateLimited) {
        log.info({ path, limit: error.limit, retryAfter: error.retryAfterSeconds, address: hashId(clientAddress) }, 'rate limited');
        sendJson(response, 429, { error: error.code, detail: error.detail, retryAfter: error.retryAfterSeconds }, error.headers());
      } else if (error instanceof RelayRefusal) {
        log.info({ path, code: error.code, status: error.status }, 'refused');
        sendJson(response, error.status, { error: error.code, ...(error.detail ? { detail: error.detail } : {}) }, error.status === 413 ? { connection: 'close' } : {});
      } else {
        log.error({ path, err: { message: (error as Error).message } }, 'request failed');
        sendJson(response, 500, { error: 'internal' });
      }
    } finally {
      inFlight -= 1;
      if (draining && inFlight === 0) drained?.();
    }
  };

  const listener = (request: IncomingMessage, response: ServerResponse): void => void handle(request, response);
  const server: Server = config.tlsCert && config.tlsKey
    ? createHttpsServer({ cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }, listener)
    : createHttpServer(listener);
  server.on('upgrade', (request, stream, head) => {
    if (draining) stream.destroy();
    else sockets.handleUpgrade(request, stream, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = config.tlsCert ? 'https' : 'http';
  const url = `${scheme}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ url, store: config.db ? 'postgres' : 'sqlite', schema: migrated.to }, 'listening');

  const sweep = setInterval(() => {
    Promise.all([store.sweepExpired(), limits.sweep()]).then(
      ([swept, rateLimits]) => log.debug({ ...swept, rateLimits }, 'swept'), (error: Error) => log.warn({ reason: error.message }, 'sweep failed'),
    );
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  // Retention: the relay holds its windows by itself, with every device off (relay/retention/sweep.ts).
  const retention = createRetentionSweep(driver, { clock });
  const sweepRetention = (): void => {
    retention.run().then(
      (report) => log.info({ ...report, held: report.held?.type ?? null }, 'retention sweep'),
      (error: Error) => log.warn({ reason: error.message }, 'retention sweep failed'),
    );
  };
  const retentionTimer = setInterval(sweepRetention, config.retentionEveryMs);
  retentionTimer.unref();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      clearInterval(sweep);
      clearInterval(retentionTimer);
      log.info({ inFlight }, 'shutting down');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      sockets.close();
      await stopListening();
      await stopListeningForLogs();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, DRAIN_LIMIT_MS).unref();
        });
      }
      server.closeAllConnections();
      await stopped;
      await retention.settled();
      await store.close();
      await limits.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url, close };
};
