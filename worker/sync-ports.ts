/**
 * Where the worker gets the device's sync seams, in one place: the replica over its open store
 * (core/replica) and the sync account (device keys, the account's sync key, pairing) sealed
 * under the same account key as everything else.
 */
import { createAuditLog } from '../core/audit/audit-log';
import type { StoreDeps } from '../core/db/store-deps';
import { openReplica } from '../core/replica/open-replica';
import { createSyncAccount } from '../core/sync-account/sync-account';
import type { RelayTransport, ReplicaPort, SyncAccountPort } from '../core/sync/ports';

export interface SyncPorts {
  readonly account: SyncAccountPort;
  readonly replica: ReplicaPort;
}

/** Builds the seams over the worker's open store; `transportFor` is the only way they reach a relay. */
export type SyncPortsFactory = (storeDeps: StoreDeps, transportFor: (relayUrl: string) => RelayTransport) => SyncPorts;

export const createSyncPorts: SyncPortsFactory = (storeDeps, transportFor) => ({
  replica: openReplica(storeDeps),
  account: createSyncAccount({
    db: storeDeps.db,
    codec: storeDeps.codec,
    clock: storeDeps.clock,
    author: storeDeps.author,
    audit: createAuditLog({ db: storeDeps.db, clock: storeDeps.clock, keys: async () => storeDeps.auditKeys }),
    transportFor,
  }),
});
