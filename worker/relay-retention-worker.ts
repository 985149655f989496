/**
 * What the sync lock's holder does after a sync round about the relay's retention
 * (core/erasure/relay-receipts.ts): fetch, verify, erase, keep and acknowledge erasure receipts,
 * at most once per RELAY_RECEIPTS_EVERY_MS on the injected clock. It follows the runner's status:
 * a round ended when `lastSyncedAt` moves while connected. A run's failure waits for the next
 * due run; it never touches sync itself.
 */
import type { Clock } from '../core/clock';
import { createRelayReceipts, RELAY_RECEIPTS_EVERY_MS, type RelayReceiptStore, type RelayReceiptsOutcome } from '../core/erasure/relay-receipts';
import type { RelayTransport, SyncAccountPort } from '../core/sync/ports';
import type { SyncRunner } from '../platform/sync/sync-runner';
import type { TokenSource } from './sync-token';

export interface RelayReceiptsPort {
  readonly store: (team: string) => RelayReceiptStore;
  readonly eraseHeld: (relayIdHash: string, eraser: string | undefined) => Promise<boolean>;
}

export interface RelayRetentionWorkerDeps {
  readonly runner: Pick<SyncRunner, 'watch' | 'holdsLock'>;
  readonly account: Pick<SyncAccountPort, 'identity'>;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly token: TokenSource;
  readonly clock: Clock;
  readonly receipts: RelayReceiptsPort;
  readonly everyMs?: number;
}

export interface RelayRetentionWorker {
  /** The last run's outcome, or null before the first: the sync page shows a changed relay key. */
  readonly lastReceipts: () => RelayReceiptsOutcome | null;
  /** Resolves when the run in flight (if any) ended; tests wait on it. */
  readonly settled: () => Promise<void>;
  readonly stop: () => void;
}

export const startRelayRetentionWorker = (deps: RelayRetentionWorkerDeps): RelayRetentionWorker => {
  let receipts: { key: string; run: ReturnType<typeof createRelayReceipts> } | null = null;
  let last: RelayReceiptsOutcome | null = null;
  let lastRound: number | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const receiptsFor = async () => {
    const identity = await deps.account.identity();
    if (!identity) return null;
    const key = `${identity.relayUrl}|${identity.team}`;
    if (receipts?.key !== key) {
      receipts = {
        key,
        run: createRelayReceipts({
          transport: deps.transportFor(identity.relayUrl), team: identity.team, clock: deps.clock,
          everyMs: deps.everyMs ?? RELAY_RECEIPTS_EVERY_MS, store: deps.receipts.store(identity.team), eraseHeld: deps.receipts.eraseHeld,
          token: async () => {
            const token = await deps.token();
            if (!token.ok) throw new Error(`No session for erasure receipts: ${token.error.type}`);
            return token.value;
          },
        }),
      };
    }
    return receipts.run;
  };

  const afterRound = async (): Promise<void> => {
    const run = await receiptsFor();
    if (!run) return;
    try {
      const outcome = await run.afterRound();
      if (outcome.type !== 'not-due') last = outcome;
    } catch {
      // The relay did not answer as expected: the next due run tries again.
    }
  };

  const unwatch = deps.runner.watch((status) => {
    if (status.state !== 'connected' || status.lastSyncedAt === null || status.lastSyncedAt === lastRound || !deps.runner.holdsLock()) return;
    lastRound = status.lastSyncedAt;
    inFlight = inFlight.then(afterRound);
  });

  return { lastReceipts: () => last, settled: () => inFlight, stop: unwatch };
};
