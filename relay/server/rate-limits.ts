/**
 * The relay's fair-use limits (SYNC.md §12), each a counter (rate-limit-store.ts): per client
 * address for authentication, per device for HTTP requests (a long window and a short one) and
 * for WebSocket frames, per team for the bytes it pushes in a day. A key over its limit is
 * refused with `RateLimited`, which says how long to wait; the routes answer it as a 429 with
 * Retry-After and RateLimit-* headers, the socket as a `rate_limited` frame.
 *
 * Keys are hashed before they reach the database: a counter names no address, team or device.
 */
import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { openRateLimitDriver, SqlRateLimiter, sweepRateLimits } from '../store/rate-limit-store';
import type { SqlDriver } from '../store/sql-driver';
import { RelayRefusal } from './http-kit';
import { DAY_SECONDS, type Rate, type RateLimitsConfig } from './limits-config';

export type LimitName = 'auth' | 'requests' | 'burst' | 'frames' | 'team-bytes';

const WHAT: { readonly [N in LimitName]: string } = {
  auth: 'Too many sign-ins from this address',
  requests: 'Too many requests from this device',
  burst: 'Too many requests from this device in a short time',
  frames: 'Too many socket frames from this device',
  'team-bytes': 'This team pushed its bytes for the day',
};

/** A refusal for a key over its limit: 429 `rate_limited`, with the wait in whole seconds (≥ 1). */
export class RateLimited extends RelayRefusal {
  readonly retryAfterSeconds: number;

  constructor(
    readonly limit: LimitName,
    readonly rate: Rate,
    msBeforeNext: number,
  ) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    super(429, 'rate_limited', `${WHAT[limit]}: try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }

  /** Retry-After, the RateLimit-* fields of the IETF draft, and the X-RateLimit-* ones older clients read. */
  headers(): Record<string, string> {
    const wait = String(this.retryAfterSeconds);
    const limit = String(this.rate.points);
    return {
      'retry-after': wait,
      'ratelimit-limit': limit, 'ratelimit-remaining': '0', 'ratelimit-reset': wait,
      'ratelimit-policy': `${limit};w=${this.rate.seconds}`,
      'x-ratelimit-limit': limit, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': wait,
    };
  }
}

const hashedKey = (name: LimitName, id: string): string => createHash('sha256').update(`locket-relay-limit|${name}|${id}`).digest('base64url');

interface Counter {
  readonly name: LimitName;
  readonly rate: Rate;
  readonly limiter: SqlRateLimiter;
}

export interface Caller { readonly team: string; readonly device: string }

/** The limits over `driver`'s database (PostgreSQL), or over a private in-memory one (SQLite). */
export const openRateLimits = async (driver: SqlDriver, config: RateLimitsConfig, now: () => number) => {
  const counters = await openRateLimitDriver(driver);
  return { ...createRateLimits(counters.driver, config, now), close: counters.close };
};

export const createRateLimits = (driver: SqlDriver, config: RateLimitsConfig, now: () => number) => {
  const counter = (name: LimitName, rate: Rate | null): Counter | null =>
    rate && { name, rate, limiter: new SqlRateLimiter(driver, now, { keyPrefix: name, points: rate.points, duration: rate.seconds }) };
  const auth = counter('auth', config.auth);
  const burst = counter('burst', config.burst);
  const requests = counter('requests', config.requests);
  const frames = counter('frames', config.frames);
  const teamBytes = counter('team-bytes', config.teamBytesPerDay === null ? null : { points: config.teamBytesPerDay, seconds: DAY_SECONDS });

  /** Spends `points` of `id`'s allowance, or throws RateLimited; a database failure throws as itself. */
  const spend = async (limit: Counter | null, id: string, points = 1): Promise<void> => {
    if (!limit) return;
    try {
      await limit.limiter.consume(hashedKey(limit.name, id), points);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) throw new RateLimited(limit.name, limit.rate, refusal.msBeforeNext);
      throw refusal;
    }
  };

  return {
    /** A challenge, register or session request from `address`. */
    authAttempt: (address: string): Promise<void> => spend(auth, address),
    /** An authenticated HTTP request: the short window first, so a burst is told the shorter wait. */
    deviceRequest: async (caller: Caller): Promise<void> => {
      const device = `${caller.team}|${caller.device}`;
      await spend(burst, device);
      await spend(requests, device);
    },
    socketFrame: (caller: Caller): Promise<void> => spend(frames, `${caller.team}|${caller.device}`),
    /** A push's request body, counted against its team's day whether or not its sets are stored. */
    pushedBytes: (team: string, bytes: number): Promise<void> => (bytes > 0 ? spend(teamBytes, team, bytes) : Promise.resolve()),
    sweep: (): Promise<number> => sweepRateLimits(driver, now()),
  };
};

export type RateLimits = ReturnType<typeof createRateLimits>;
