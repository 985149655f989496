/**
 * The relay's fair-use limits as the command line gives them (SYNC.md §12): how many points a key
 * may spend in a window of seconds, or `off`. Defaults protect other teams on a shared relay
 * without a device that syncs normally ever meeting them.
 */

export interface Rate {
  readonly points: number;
  readonly seconds: number;
}

export interface RateLimitsConfig {
  /** Challenge, register and session requests per client address. */
  readonly auth: Rate | null;
  /** Authenticated HTTP requests per device, over the long window. */
  readonly requests: Rate | null;
  /** Authenticated HTTP requests per device, over the short window. */
  readonly burst: Rate | null;
  /** WebSocket frames per device (the hello of each connection, and anything it sends after). */
  readonly frames: Rate | null;
  /** Request-body bytes a team may push in a day. */
  readonly teamBytesPerDay: number | null;
}

export const DAY_SECONDS = 86_400;

export const DEFAULT_LIMITS: RateLimitsConfig = {
  // Ten sign-ins a minute per address (SYNC.md §12): each sign-in is two requests, challenge and session.
  auth: { points: 20, seconds: 60 },
  requests: { points: 4000, seconds: 3600 },
  burst: { points: 120, seconds: 60 },
  frames: { points: 20, seconds: 1 },
  teamBytesPerDay: 50 * 1024 * 1024,
};

/** Every limit off: for benchmarks that measure the store, not the limits. */
export const NO_LIMITS: RateLimitsConfig = { auth: null, requests: null, burst: null, frames: null, teamBytesPerDay: null };

const shown = (rate: Rate | null): string => (rate ? `${rate.points}/${rate.seconds}` : 'off');

export const LIMITS_HELP = `Fair-use limits (over a limit the relay answers 429 with Retry-After, or a rate_limited frame;
<n>/<seconds> is n per window of that many seconds, "off" turns a limit off):
  --limit-auth <n>/<s>    challenge, register and session requests per client address (default ${shown(DEFAULT_LIMITS.auth)})
  --limit-requests <n>/<s> HTTP requests per device (default ${shown(DEFAULT_LIMITS.requests)})
  --limit-burst <n>/<s>   HTTP requests per device in a short window (default ${shown(DEFAULT_LIMITS.burst)})
  --limit-frames <n>/<s>  WebSocket frames per device (default ${shown(DEFAULT_LIMITS.frames)})
  --limit-team-bytes <bytes> pushed request bytes per team a day (default ${DEFAULT_LIMITS.teamBytesPerDay}), or off
Counters live in the relay's database, so relay processes sharing one PostgreSQL share them.
Behind a reverse proxy (--behind-proxy) the client address is the last one in X-Forwarded-For.
`;

export const LIMIT_OPTIONS = {
  'limit-auth': { type: 'string' }, 'limit-requests': { type: 'string' }, 'limit-burst': { type: 'string' },
  'limit-frames': { type: 'string' }, 'limit-team-bytes': { type: 'string' },
} as const;

type LimitValues = { readonly [K in keyof typeof LIMIT_OPTIONS]?: string | undefined };

const RATE = /^([1-9]\d{0,8})\/([1-9]\d{0,7})$/;

const parseRate = (value: string | undefined, fallback: Rate | null, name: string): Rate | null | string => {
  if (value === undefined) return fallback;
  if (value === 'off') return null;
  const match = RATE.exec(value);
  return match ? { points: Number(match[1]), seconds: Number(match[2]) } : `--${name} expects <n>/<seconds> or off, not ${JSON.stringify(value)}`;
};

/** The limits from the command line, or the message for the first option that does not parse. */
export const parseLimits = (values: LimitValues, maxBodyBytes: number): RateLimitsConfig | string => {
  const auth = parseRate(values['limit-auth'], DEFAULT_LIMITS.auth, 'limit-auth');
  const requests = parseRate(values['limit-requests'], DEFAULT_LIMITS.requests, 'limit-requests');
  const burst = parseRate(values['limit-burst'], DEFAULT_LIMITS.burst, 'limit-burst');
  const frames = parseRate(values['limit-frames'], DEFAULT_LIMITS.frames, 'limit-frames');
  for (const parsed of [auth, requests, burst, frames]) if (typeof parsed === 'string') return parsed;
  const bytesValue = values['limit-team-bytes'];
  let teamBytesPerDay = DEFAULT_LIMITS.teamBytesPerDay;
  if (bytesValue === 'off') teamBytesPerDay = null;
  else if (bytesValue !== undefined) {
    teamBytesPerDay = /^\d{1,15}$/.test(bytesValue) ? Number(bytesValue) : Number.NaN;
    // A quota below one request body would refuse a full push for ever, however long the device waited.
    if (!(teamBytesPerDay >= maxBodyBytes)) return `--limit-team-bytes expects a byte count of at least --max-body (${maxBodyBytes}), or off`;
  }
  return { auth, requests, burst, frames, teamBytesPerDay } as RateLimitsConfig;
};
