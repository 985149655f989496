/**
 * What the sync lock's holder does about the relay's retention, following the runner's status:
 * - after a sync round (`lastSyncedAt` moves while connected): the erasure receipts
 *   (core/erasure/relay-receipts.ts), at most once per RELAY_RECEIPTS_EVERY_MS on the injected
 *   clock; a kept team cancellation is forgotten (the owner restored the team);
 * - while the relay refuses the team as cancelled: the cancellation watch
 *   (core/sync-account/team-cancellation-watch.ts), at most once per period, which wipes the team's
 *   data only when the owner-signed cancellation is 14 days old by a trusted clock.
 * A run's failure waits for the next due run; it never touches sync itself.
 */
import type { Clock } from '../core/clock';
import { createRelayReceipts, RELAY_RECEIPTS_EVERY_MS, type RelayReceiptStore, type RelayReceiptsOutcome } from '../core/erasure/relay-receipts';
import type { EngineStatus } from '../core/sync/engine/status';
import type { RelayTransport, SyncAccountPort, SyncIdentity } from '../core/sync/ports';
import type { TeamCancellationState } from '../core/sync-account/team-cancellation-watch';
import type { SyncRunner } from '../platform/sync/sync-runner';
import type { TokenSource } from './sync-token';

export interface RelayReceiptsPort {
  readonly store: (team: string) => RelayReceiptStore;
  readonly eraseHeld: (relayIdHash: string, eraser: string | undefined) => Promise<boolean>;
}

/** The cancellation watch for one identity (built by the worker over its store). */
export interface TeamCancellationPort {
  readonly check: () => Promise<TeamCancellationState>;
  readonly restored: () => Promise<void>;
  readonly state: () => Promise<TeamCancellationState>;
}

export interface RelayRetentionWorkerDeps {
  readonly runner: Pick<SyncRunner, 'watch' | 'holdsLock'>;
  readonly account: Pick<SyncAccountPort, 'identity'>;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly token: TokenSource;
  readonly clock: Clock;
  readonly receipts: RelayReceiptsPort;
  readonly cancellation?: (identity: SyncIdentity, transport: RelayTransport) => TeamCancellationPort;
  /** After a wipe: the identity is gone, the runner stops its engine. */
  readonly identityChanged?: () => Promise<void>;
  readonly everyMs?: number;
}

export interface RelayRetentionWorker {
  /** The last receipts run's outcome, or null before the first: the sync page shows a changed relay key. */
  readonly lastReceipts: () => RelayReceiptsOutcome | null;
  /** Resolves when the run in flight (if any) ended; tests wait on it. */
  readonly settled: () => Promise<void>;
  readonly stop: () => void;
}

const isTeamCancelled = (status: EngineStatus): boolean =>
  status.problem?.type === 'relay-refused' && status.problem.code === 'team_cancelled';

export const startRelayRetentionWorker = (deps: RelayRetentionWorkerDeps): RelayRetentionWorker => {
  const everyMs = deps.everyMs ?? RELAY_RECEIPTS_EVERY_MS;
  let current: { key: string; receipts: ReturnType<typeof createRelayReceipts>; cancellation: TeamCancellationPort | null } | null = null;
  let last: RelayReceiptsOutcome | null = null;
  let lastRound: number | null = null;
  let lastCancellationCheck: number | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const forIdentity = async () => {
    const identity = await deps.account.identity();
    if (!identity) return null;
    const key = `${identity.relayUrl}|${identity.team}`;
    if (current?.key !== key) {
      const transport = deps.transportFor(identity.relayUrl);
      current = {
        key,
        receipts: createRelayReceipts({
          transport, team: identity.team, clock: deps.clock, everyMs, store: deps.receipts.store(identity.team), eraseHeld: deps.receipts.eraseHeld,
          token: async () => {
            const token = await deps.token();
            if (!token.ok) throw new Error(`No session for erasure receipts: ${token.error.type}`);
            return token.value;
          },
        }),
        cancellation: deps.cancellation?.(identity, transport) ?? null,
      };
    }
    return current;
  };

  const afterRound = async (): Promise<void> => {
    const parts = await forIdentity();
    if (!parts) return;
    try {
      await parts.cancellation?.restored();
      const outcome = await parts.receipts.afterRound();
      if (outcome.type !== 'not-due') last = outcome;
    } catch {
      // The relay did not answer as expected: the next due run tries again.
    }
  };

  const whileCancelled = async (): Promise<void> => {
    const now = deps.clock.now();
    if (lastCancellationCheck !== null && now >= lastCancellationCheck && now - lastCancellationCheck < everyMs) return;
    lastCancellationCheck = now;
    const parts = await forIdentity();
    if (!parts?.cancellation) return;
    try {
      if ((await parts.cancellation.check()).type === 'wiped') {
        current = null;
        await deps.identityChanged?.();
      }
    } catch {
      // Unreachable relay or a damaged answer: nothing is removed; the next check tries again.
    }
  };

  const unwatch = deps.runner.watch((status) => {
    if (!deps.runner.holdsLock()) return;
    if (isTeamCancelled(status)) {
      inFlight = inFlight.then(whileCancelled);
      return;
    }
    if (status.state !== 'connected' || status.lastSyncedAt === null || status.lastSyncedAt === lastRound) return;
    lastRound = status.lastSyncedAt;
    inFlight = inFlight.then(afterRound);
  });

  return { lastReceipts: () => last, settled: () => inFlight, stop: unwatch };
};
