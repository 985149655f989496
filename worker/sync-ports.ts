/**
 * Where the worker gets the device's sync seams, in one place: the replica over its open store
 * (core/replica) and the sync account (device keys, the account's sync key, pairing) sealed
 * under the same account key as everything else.
 */
import { createAuditLog } from '../core/audit/audit-log';
import type { StoreDeps } from '../core/db/store-deps';
import { openReplica } from '../core/replica/open-replica';
import { createSyncAccount } from '../core/sync-account/sync-account';
import type { RelayTransport, ReplicaPort, SyncAccountPort, SyncIdentity } from '../core/sync/ports';
import { createIdentityStore } from '../core/sync-account/identity-store';
import { createTeamAccount, type TeamAccount } from '../core/sync-account/team-account';
import { joinTeam, type JoinRequest } from '../core/sync-account/team-join';
import { createUnlockReporter, type UnlockReporter } from './unlock-reports';
import { restoreFromRelay, type RelayRestoreRequest } from '../core/sync-account/relay-restore';

import { createEraseHeld, createRelayReceiptStore } from './relay-receipts-port';
import type { RelayReceiptsPort, TeamCancellationPort } from './relay-retention-worker';
import { teamCancellationFor } from './team-cancellation-port';
import { createRelayEndedSettler } from '../core/replica/relay-ended';
import { judgeClock } from '../core/retention/clock-trust';
import { readTimeSeen } from './sweep/time-mark';

export interface SyncPorts {
  /** The install's own device id, which its local writes carry: named as "you" beside its team device id. */
  readonly localDeviceId?: string;
  /** The store's database, for what sync keeps in `meta` beside the replica (relay receipts, a team's cancellation). */
  readonly db?: StoreDeps['db'];
  readonly account: SyncAccountPort;
  readonly replica: ReplicaPort;
  /** The account's team (issue 13): its log, keys and the invitee's join. */
  readonly team?: {
    readonly account: TeamAccount;
    readonly join: (request: JoinRequest) => ReturnType<typeof joinTeam>;
    /** Tells the team's owner and admins of this device's unlocks, after each sync round. */
    readonly unlockReports?: UnlockReporter;
  };
  /** A fresh install's restore from the relay with the printed recovery key. */
  readonly restore?: (request: RelayRestoreRequest) => ReturnType<typeof restoreFromRelay>;
  /** The relay's erasure receipts: kept in `meta`, and the person they name erased here through the erasure path. */
  readonly receipts?: RelayReceiptsPort;
  /** Records the relay's trash rule ended while this device kept them (core/replica/relay-ended.ts). */
  readonly relayEnded?: ReturnType<typeof createRelayEndedSettler>;
  /** The team's cancellation as this device verifies it, and the wipe 14 days after (worker/team-cancellation-port.ts). */
  readonly cancellation?: (identity: SyncIdentity, transport: RelayTransport) => TeamCancellationPort;
}

/** Builds the seams over the worker's open store; `transportFor` is the only way they reach a relay. */
export type SyncPortsFactory = (storeDeps: StoreDeps, transportFor: (relayUrl: string) => RelayTransport) => SyncPorts;

export const createSyncPorts: SyncPortsFactory = (storeDeps, transportFor) => {
  const deps = {
    db: storeDeps.db,
    codec: storeDeps.codec,
    clock: storeDeps.clock,
    author: storeDeps.author,
    audit: createAuditLog({ db: storeDeps.db, clock: storeDeps.clock, keys: async () => storeDeps.auditKeys }),
    transportFor,
  };
  const team = createTeamAccount(deps);
  const replica = openReplica(storeDeps);
  // Destructive only under a clock the sweeps trust: the mark is read here, never moved.
  const clockTrusted = async () => judgeClock(await readTimeSeen(storeDeps.db), storeDeps.clock.now()).hold === null;
  return {
    db: storeDeps.db,
    replica,
    localDeviceId: storeDeps.deviceId,
    // A device paired to this one joins the team's log with the current key sealed to it.
    account: createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } }),
    restore: (request) => restoreFromRelay(deps, request),
    relayEnded: createRelayEndedSettler({ store: storeDeps, clockTrusted }),
    cancellation: teamCancellationFor({
      store: storeDeps, audit: deps.audit, replica, team, clockTrusted,
      knownDevices: () => createIdentityStore(deps.db, deps.codec, deps.audit, deps.author).knownDevices(),
    }),
    receipts: { store: (teamId) => createRelayReceiptStore(storeDeps.db, teamId), eraseHeld: createEraseHeld(storeDeps) },
    team: {
      account: team,
      join: (request) => joinTeam({ ...deps, store: createIdentityStore(deps.db, deps.codec, deps.audit, deps.author), team }, request),
      unlockReports: createUnlockReporter({ db: deps.db, clock: deps.clock, team }),
    },
  };
};
