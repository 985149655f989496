/**
 * Sync inside an unlocked worker: the sync lock's runner, whose engine runs over this worker's
 * replica and the account's keys, and the sync api the pages call. Started when the worker opens
 * with the account key; the worker ending (lock, page closed) ends the socket and frees the lock.
 */
import type { Clock } from '../core/clock';
import type { ChangeBus } from '../core/db/change-bus';
import { createSyncEngine } from '../core/sync/engine/engine';
import type { RelayTransport } from '../core/sync/ports';
import { createSyncChannel, type SyncChannel } from '../platform/sync/sync-channel';
import { startSyncRunner, type LockRequester, type SyncRunner } from '../platform/sync/sync-runner';
import type { RelayRetentionImplementation, SyncImplementation, TeamImplementation } from './contract';
import { createRelayRetentionApi, relayRetentionUnavailable } from './relay-retention-api';
import { createSyncApi } from './sync-api';
import { createTeamApi } from './team-api';
import { createTokenSource } from './sync-token';
import type { SyncPorts } from './sync-ports';
import { startRelayRetentionWorker } from './relay-retention-worker';

export interface WorkerSyncDeps {
  readonly ports: SyncPorts;
  readonly changes: Pick<ChangeBus, 'subscribe'>;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly locks: LockRequester;
  readonly clock: Clock;
  readonly random: () => number;
  readonly channel?: SyncChannel;
}

export interface WorkerSync {
  readonly api: SyncImplementation;
  readonly team: TeamImplementation;
  readonly runner: SyncRunner;
  readonly relayRetention: RelayRetentionImplementation;
  readonly close: () => Promise<void>;
}

export const startWorkerSync = (deps: WorkerSyncDeps): WorkerSync => {
  const { ports: { account, replica, team }, transportFor, clock } = deps;
  let requests = 0;
  const runner = startSyncRunner({
    locks: deps.locks,
    channel: deps.channel ?? createSyncChannel(),
    newRequestId: () => `${clock.now().toString(36)}-${Math.floor(deps.random() * 1e9).toString(36)}-${(requests += 1)}`,
    createEngine: async () => {
      const [identity, crypto] = await Promise.all([account.identity(), account.crypto()]);
      if (!identity || !crypto) return null;
      await team?.account.loadCached();
      return createSyncEngine({
        transport: transportFor(identity.relayUrl), replica, crypto, team: identity.team, clock, random: deps.random, changes: deps.changes,
        // A set that does not open may come from a member or a key this device has not read yet: the log too.
        refreshSigners: async (token) => { await Promise.all([account.devices(token), team?.account.refresh(token)]); },
        ...(team ? { admits: team.account.admits } : {}),
        ...(team?.unlockReports ? { afterRound: team.unlockReports.flush } : {}),
        // The daily encrypted snapshot a device offline past the log's window bootstraps from (the relay refuses read-only members).
        ...(team ? { uploadSnapshots: () => true } : {}),
        ...(deps.ports.relayEnded ? { settleRelayEnded: deps.ports.relayEnded } : {}),
      });
    },
  });
  const token = createTokenSource({ account, runner, transportFor, clock });
  // After each round, the relay's erasure receipts (at most every few hours): only the lock's holder runs it.
  const { receipts, cancellation } = deps.ports;
  const retention = receipts ? startRelayRetentionWorker({
    runner, account, transportFor, token, clock, receipts, ...(cancellation ? { cancellation } : {}), identityChanged: () => runner.identityChanged(),
  }) : null;
  const { db } = deps.ports;
  const relayRetention = db ? createRelayRetentionApi({
    db, account, token, transportFor, worker: retention,
    cancellationState: async (identity) => (cancellation ? cancellation(identity, transportFor(identity.relayUrl)).state() : { type: 'active' }),
  }) : relayRetentionUnavailable;
  return {
    relayRetention,
    api: createSyncApi({
      account, runner, transportFor, clock, ...(team ? { team: team.account } : {}), ...(deps.ports.restore ? { restore: deps.ports.restore } : {}),
    }),
    team: createTeamApi({
      team: team?.account ?? null, join: team?.join ?? null, token, clock, identityChanged: () => runner.identityChanged(),
      ...(deps.ports.localDeviceId === undefined ? {} : { localDeviceId: deps.ports.localDeviceId }),
    }),
    runner,
    close: async () => {
      retention?.stop();
      await runner.close();
    },
  };
};
