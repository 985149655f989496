/** What every route handler receives and answers: shared by routes.ts and the pairing routes it hands paths to. */
import type { RelayStore } from '../store/store';
import type { RelayAuth } from './auth';
import type { RelayLogger } from './logger';
import type { RateLimits } from './rate-limits';
import type { RelayTwoFactor } from './two-factor';

export interface RouteContext {
  readonly store: RelayStore;
  /** Its `authenticate` also spends the caller's per-device request allowance (relay.ts). */
  readonly auth: RelayAuth;
  readonly limits: RateLimits;
  /** The client's address (the proxy's X-Forwarded-For entry with --behind-proxy), for per-address limits. */
  readonly clientAddress: string;
  readonly twoFactor: RelayTwoFactor;
  readonly log: RelayLogger;
  readonly relayInstance: string;
  readonly maxBodyBytes: number;
  readonly now: () => number;
  /** Wakes the team's open sockets after a commit moved its head. */
  readonly poke: (team: string, head: number) => void;
  /** Tells the team's open sockets that its membership log moved to `seq` (relay/server/sockets.ts). */
  readonly pokeMembers?: (team: string, seq: number) => void;
  readonly disconnect: (team: string, device: string) => void;
}

export type RouteAnswer = { status: number; body: unknown };
