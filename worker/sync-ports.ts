/**
 * Where the worker gets the device's sync seams: the replica over its open store (core/replica)
 * and the sync account (device keys, the account's sync key, pairing). Built elsewhere and
 * plugged in here, in one place; until then every sync call answers `not-connected`.
 */
import type { StoreDeps } from '../core/db/store-deps';
import type { RelayTransport, ReplicaPort, SyncAccountPort } from '../core/sync/ports';

export interface SyncPorts {
  readonly account: SyncAccountPort;
  readonly replica: ReplicaPort;
}

/** Builds the seams over the worker's open store; `transportFor` is the only way they reach a relay. */
export type SyncPortsFactory = (storeDeps: StoreDeps, transportFor: (relayUrl: string) => RelayTransport) => SyncPorts;

export const createSyncPorts: SyncPortsFactory | null = null;
