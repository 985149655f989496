/**
 * Hybrid logical clock: timestamps that follow the wall clock when it behaves, never go
 * backwards when it does not, and order causally related events across devices.
 *
 * Encoding: `WWWWWWWWWWWWW-CCCCC-node`, the wall time as 13 zero-padded decimal digits of
 * milliseconds, the counter as 5 zero-padded digits, then the node id. Both numbers are
 * fixed width, so comparing two encoded strings gives the same order as comparing
 * (wallMs, counter, nodeId) tuples, and the change log can use them as sorted keys.
 */
import type { Clock } from './clock';
import type { Result } from './result';

export interface HlcTimestamp {
  readonly wallMs: number;
  readonly counter: number;
  readonly nodeId: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 5;
export const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
export const DEFAULT_MAX_DRIFT_MS = 60 * 60 * 1000;

/** Node ids may hold '-' (device ids are UUIDs): fields are found by position, not by splitting. */
const NODE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ENCODED = new RegExp(`^(\\d{${WALL_DIGITS}})-(\\d{${COUNTER_DIGITS}})-(.+)$`);

export const isValidNodeId = (nodeId: string): boolean => NODE_ID.test(nodeId);

export const formatHlc = ({ wallMs, counter, nodeId }: HlcTimestamp): string => {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) throw new RangeError(`HLC wall time out of range: ${wallMs}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError(`HLC counter out of range: ${counter}`);
  if (!isValidNodeId(nodeId)) throw new RangeError(`Invalid HLC node id: ${JSON.stringify(nodeId)}`);
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${nodeId}`;
};

/** The parts of a well-formed timestamp, or undefined for anything else. */
export const parseHlc = (value: string): HlcTimestamp | undefined => {
  const match = ENCODED.exec(value);
  if (!match?.[1] || !match[2] || !match[3] || !isValidNodeId(match[3])) return undefined;
  return { wallMs: Number(match[1]), counter: Number(match[2]), nodeId: match[3] };
};

/** Orders well-formed timestamps; for those, plain string order is tuple order. */
export const compareHlc = (a: string, b: string): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

export type HlcRejection =
  | { readonly reason: 'malformed'; readonly remote: string }
  /** The remote wall time is further ahead of our clock than maxDriftMs allows. */
  | { readonly reason: 'drift'; readonly remote: string; readonly aheadMs: number };

export interface Hlc {
  /** A timestamp for a local event, strictly greater than every one this clock returned or received. */
  readonly tick: () => string;
  /**
   * Merges a timestamp from another node and returns one for the receiving event, greater
   * than both. A malformed remote, or one too far ahead of the local wall clock (which
   * would drag every later local timestamp into the future), is refused as an error
   * value and leaves the clock unchanged; nothing throws.
   */
  readonly receive: (remote: string) => Result<string, HlcRejection>;
  /**
   * Moves the clock past a stamp the data here already holds (a remote set applied even though
   * `receive` refused it as too far ahead), so every later local stamp is greater: otherwise an
   * edit made here after seeing that data would lose to it on every other device while this
   * device shows the edit. A malformed stamp changes nothing.
   */
  readonly adopt: (stored: string) => void;
}

export interface HlcOptions {
  readonly clock: Clock;
  readonly nodeId: string;
  /** Default one hour. */
  readonly maxDriftMs?: number;
  /** The newest timestamp this node has already issued (e.g. the change log's last key), so a restart never reissues one. */
  readonly last?: string;
}

type Position = Pick<HlcTimestamp, 'wallMs' | 'counter'>;

/** After MAX_COUNTER events in one millisecond, borrow the next millisecond rather than fail. */
const settle = (wallMs: number, counter: number): Position =>
  counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter };

export const createHlc = ({ clock, nodeId, maxDriftMs = DEFAULT_MAX_DRIFT_MS, last }: HlcOptions): Hlc => {
  if (!isValidNodeId(nodeId)) throw new RangeError(`Invalid HLC node id: ${JSON.stringify(nodeId)}`);
  const resumed = last === undefined ? undefined : parseHlc(last);
  if (last !== undefined && !resumed) throw new RangeError(`Cannot resume from a malformed HLC timestamp: ${JSON.stringify(last)}`);
  let latest: Position | undefined = resumed;

  const physicalNow = (): number => Math.max(0, Math.floor(clock.now()));
  const issue = (next: Position): string => {
    latest = next;
    return formatHlc({ ...next, nodeId });
  };

  const tick = (): string => {
    const now = physicalNow();
    if (!latest || now > latest.wallMs) return issue({ wallMs: now, counter: 0 });
    return issue(settle(latest.wallMs, latest.counter + 1));
  };

  const receive = (remote: string): Result<string, HlcRejection> => {
    const theirs = parseHlc(remote);
    if (!theirs) return { ok: false, error: { reason: 'malformed', remote } };
    const now = physicalNow();
    if (theirs.wallMs - now > maxDriftMs) {
      return { ok: false, error: { reason: 'drift', remote, aheadMs: theirs.wallMs - now } };
    }
    const ours = latest ?? { wallMs: -1, counter: -1 };
    const wallMs = Math.max(now, ours.wallMs, theirs.wallMs);
    const counter = wallMs === ours.wallMs && wallMs === theirs.wallMs ? Math.max(ours.counter, theirs.counter) + 1
      : wallMs === ours.wallMs ? ours.counter + 1
        : wallMs === theirs.wallMs ? theirs.counter + 1
          : 0;
    return { ok: true, value: issue(settle(wallMs, counter)) };
  };

  const adopt = (stored: string): void => {
    const theirs = parseHlc(stored);
    if (!theirs) return;
    if (!latest || theirs.wallMs > latest.wallMs || (theirs.wallMs === latest.wallMs && theirs.counter > latest.counter)) {
      latest = { wallMs: theirs.wallMs, counter: theirs.counter };
    }
  };

  return { tick, receive, adopt };
};
