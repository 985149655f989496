/** What every route handler receives and answers: shared by routes.ts and the pairing routes it hands paths to. */
import type { RelayStore } from '../store/store';
import type { RelayAuth } from './auth';
import type { RelayLogger } from './logger';
import type { RelayTwoFactor } from './two-factor';

export interface RouteContext {
  readonly store: RelayStore;
  readonly auth: RelayAuth;
  readonly twoFactor: RelayTwoFactor;
  /** A reverse proxy terminates connections: the client's address is the last X-Forwarded-For entry. */
  readonly behindProxy: boolean;
  readonly log: RelayLogger;
  readonly relayInstance: string;
  readonly maxBodyBytes: number;
  readonly now: () => number;
  /** Wakes the team's open sockets after a commit moved its head. */
  readonly poke: (team: string, head: number) => void;
  readonly disconnect: (team: string, device: string) => void;
}

export type RouteAnswer = { status: number; body: unknown };
