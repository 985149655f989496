/** What the sync engine is built from and what it offers (engine.ts builds it). */
import type { Clock } from '../../clock';
import type { ChangeBus } from '../../db/change-bus';
import type { Result } from '../../result';
import type { RelayTransport, ReplicaPort, SyncCrypto, SyncProblem } from '../ports';
import type { StoredSet, TwoFactorProof } from '../protocol';
import type { EngineStatus } from './status';
import type { Timers } from './timers';
import type { SecurityKeyPort, TwoFactorProblem } from './two-factor-session';

export interface SyncEngineDeps {
  readonly transport: RelayTransport;
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly team: string;
  readonly clock: Clock;
  /** Uniform in [0, 1): the backoff's jitter. */
  readonly random: () => number;
  /** Local writes announce themselves here; each burst pushes once. */
  readonly changes?: Pick<ChangeBus, 'subscribe'>;
  readonly timers?: Timers;
  /** Reads the account's device list again (a signer added since it was last read); at most once a pull. */
  readonly refreshSigners?: (token: string) => Promise<void>;
  /** The team's roles, checked again on receipt (core/team/receipt.ts); absent for a team of one. */
  readonly admits?: (set: StoredSet) => boolean;
  /** Runs after each round that ended well, with its session (a member's unlock reports); its failure fails nothing. */
  readonly afterRound?: (token: string) => Promise<void>;
  /**
   * Whether this device uploads the team's daily encrypted snapshot after a successful round
   * (snapshot-upload.ts); asked before each upload and between its pages. Absent: never uploads.
   */
  readonly uploadSnapshots?: () => boolean | Promise<boolean>;
  /** Settles ids the relay ended by its trash rule when a push naming them is refused (round.ts). */
  readonly settleRelayEnded?: (call: (path: string, body: unknown) => Promise<unknown>, recordIds: readonly string[]) => Promise<unknown>;
}

export interface SyncEngine {
  readonly start: () => void;
  /** Closes the socket, cancels every timer and waits for a round in flight to end. */
  readonly stop: () => Promise<void>;
  /** Pushes and pulls now (reconnecting at once when offline); resolves when that round ends. */
  readonly syncNow: () => Promise<Result<void, SyncProblem>>;
  readonly status: () => EngineStatus;
  readonly watch: (listener: (status: EngineStatus) => void) => () => void;
  /** A session token of this device, for the account's calls (device list, pairing). */
  readonly token: () => Promise<Result<string, SyncProblem>>;
  /** Sets pulled that did not verify or decrypt, skipped and never applied, since start. */
  readonly rejectedSets: () => number;
  /**
   * After `two-factor-required` or `two-factor-not-registered`: opens the session with the
   * member's security key through `port` (a visible page's WebAuthn), then syncs again.
   */
  readonly confirmTwoFactor: (port: SecurityKeyPort) => Promise<Result<void, TwoFactorProblem>>;
  /** The same, with a proof another context of this device got from the key (the page the user is on). */
  readonly resumeWithProof: (proof: TwoFactorProof) => Promise<Result<void, SyncProblem>>;
}
