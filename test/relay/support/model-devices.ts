/**
 * Devices of the convergence model: each a real Locket store on its own fake IndexedDB
 * (test/unit/replica's harness), the real replica, the real SyncCrypto under one shared sync key,
 * and the engine's own round (session, push, pull, regression) over a transport that loses,
 * duplicates and delays requests as the model says. Each device reads a clock skewed from the
 * world's by a fixed offset.
 */
import type { ManualClock } from '../../../core/clock';
import { createManualClock } from '../../../core/clock';
import { SyncFailure } from '../../../core/sync/engine/relay-problem';
import { createRelaySession, type RelaySession } from '../../../core/sync/engine/relay-session';
import { runRound } from '../../../core/sync/engine/round';
import { createSyncCrypto } from '../../../core/sync/envelopes';
import type { RelayAnswer, RelayTransport, SyncCrypto, SyncProblem } from '../../../core/sync/ports';
import type { StoredSet } from '../../../core/sync/protocol';
import { generateDeviceKeys } from '../../../core/sync/signing';
import type { Bytes } from '../../../core/vault/types';
import { device as replicaDevice, type Device } from '../../unit/replica/replica-harness';
import type { ModelRelay } from './model-relay';
import { newTeamId, newTeamKey } from './test-device';

export type Fault = 'ok' | 'lost-request' | 'lost-answer' | 'duplicated' | 'delayed';

/** The network between devices and the relay: requests held back arrive later, in an order the model picks. */
export interface ModelNetwork {
  readonly delayed: (() => Promise<unknown>)[];
  healed: boolean;
}

export interface ModelDevice extends Device {
  readonly name: string;
  readonly crypto: SyncCrypto;
  /** A team device's check of a pulled set on receipt (core/team/receipt.ts); absent outside a team. */
  readonly admits?: (set: StoredSet) => boolean;
  offline: boolean;
  /** One engine round (auth, push, pull, re-bootstrap); the problem it stopped on, or null. */
  readonly sync: () => Promise<SyncProblem | null>;
  /** A round whose pulls all go unanswered: pushed and acknowledged, with the cursor left behind. */
  readonly syncWithoutPull: () => Promise<SyncProblem | null>;
}

export interface DeviceSetup {
  readonly index: number;
  readonly skewMs: number;
  readonly faults: readonly Fault[];
}

const unreachable = (): never => { throw new Error('connection lost'); };

const faultyTransport = (
  relay: ModelRelay, network: ModelNetwork, owner: { offline: boolean; losePulls: boolean }, faults: readonly Fault[],
): RelayTransport => {
  let next = 0;
  return {
    request: async (path, init): Promise<RelayAnswer> => {
      if (owner.offline || (owner.losePulls && path === '/v1/pull')) unreachable();
      const fault = network.healed || faults.length === 0 ? 'ok' : faults[next++ % faults.length]!;
      const deliver = () => relay.handle(path, init);
      switch (fault) {
        case 'ok': return deliver();
        case 'lost-request': return unreachable();
        case 'lost-answer': await deliver().catch(() => undefined); return unreachable();
        case 'duplicated': {
          const first = await deliver();
          await deliver().catch(() => undefined);
          return first;
        }
        case 'delayed': network.delayed.push(deliver); return unreachable();
      }
    },
    openSocket: () => { throw new Error('the model drives rounds itself; no pokes'); },
  };
};

/** The relay without faults: what a team's own calls (invite, join, confirm, remove, log reads) go over. */
export const cleanTransport = (relay: ModelRelay): RelayTransport => ({
  request: (path, init) => relay.handle(path, init),
  openSocket: () => { throw new Error('the model drives rounds itself; no pokes'); },
});

/** What a team device adds to an engine round, as the sync worker wires it (worker/sync-worker.ts). */
export interface RoundHooks {
  readonly refreshSigners?: (token: string) => Promise<void>;
  readonly admits?: (set: StoredSet) => boolean;
}

/** A harness device synced by the engine's own round over a faulty transport, sealing with `crypto`. */
export const driveModelDevice = (
  harness: Device, name: string, crypto: SyncCrypto, team: string, clock: ManualClock,
  relay: ModelRelay, network: ModelNetwork, faults: readonly Fault[], hooks: RoundHooks = {},
): ModelDevice => {
  const owner = { offline: false, losePulls: false };
  const session: RelaySession = createRelaySession({ transport: faultyTransport(relay, network, owner, faults), crypto, team, clock });
  let requests = 0;
  const sync = async (): Promise<SyncProblem | null> => {
    // As the engine's first round after connecting: its copy of the cursor starts from the replica's.
    let cursor = await harness.replica.cursor();
    try {
      await runRound({
        replica: harness.replica, crypto, session, team, checkHeld: true,
        cursor: { get: () => cursor, set: (next) => { cursor = next; } },
        nextRequestId: () => `${name}-${(requests += 1)}`,
        onRejected: () => undefined,
        ...hooks,
      });
      return null;
    } catch (error) {
      if (error instanceof SyncFailure) {
        session.drop();
        return error.problem;
      }
      throw error;
    }
  };
  return {
    ...harness,
    name,
    crypto,
    ...(hooks.admits ? { admits: hooks.admits } : {}),
    get offline() { return owner.offline; },
    set offline(value: boolean) { owner.offline = value; },
    sync,
    syncWithoutPull: async () => {
      owner.losePulls = true;
      try {
        return await sync();
      } finally {
        owner.losePulls = false;
      }
    },
  };
};

export interface ModelAccount {
  readonly team: string;
  readonly syncKey: Bytes;
  readonly directory: Map<string, Uint8Array>;
}

export const newAccount = (): ModelAccount => ({
  team: newTeamId(),
  syncKey: newTeamKey(),
  directory: new Map(),
});

/** A device with its keys enrolled on the relay (the first creates the team). */
export const createModelDevice = async (
  account: ModelAccount, relay: ModelRelay, network: ModelNetwork, world: ManualClock, setup: DeviceSetup,
): Promise<ModelDevice> => {
  const clock = createManualClock(world.now() + setup.skewMs);
  const name = `device-${setup.index}`;
  const harness = await replicaDevice(name, clock);
  const keys = await generateDeviceKeys();
  account.directory.set(keys.deviceId, keys.publicKey);
  const crypto = await createSyncCrypto(
    { device: keys, team: account.team, epoch: 1, syncKey: account.syncKey },
    async (deviceId) => account.directory.get(deviceId) ?? null,
  );
  const store = relay.store();
  const enrolled = account.directory.size === 1
    ? await store.createTeam(account.team, keys.deviceId, keys.publicKey)
    : await store.addDevice(account.team, keys.deviceId, keys.publicKey, [...account.directory.keys()][0]!);
  if (enrolled !== 'created' && enrolled !== 'added') throw new Error(`Could not enrol ${name}: ${enrolled}`);

  return driveModelDevice(harness, name, crypto, account.team, clock, relay, network, setup.faults);
};
