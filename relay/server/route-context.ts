/** What every route handler receives and answers: shared by routes.ts and the pairing routes it hands paths to. */
import type { RelayStore } from '../store/store';
import type { RelayAuth } from './auth';
import type { RelayLogger } from './logger';

export interface RouteContext {
  readonly store: RelayStore;
  readonly auth: RelayAuth;
  readonly log: RelayLogger;
  readonly relayInstance: string;
  readonly maxBodyBytes: number;
  readonly now: () => number;
  /** Wakes the team's open sockets after a commit moved its head. */
  readonly poke: (team: string, head: number) => void;
  readonly disconnect: (team: string, device: string) => void;
}

export type RouteAnswer = { status: number; body: unknown };
