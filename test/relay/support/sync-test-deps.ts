/**
 * Test doubles for the sync engine's seams, in one place: an in-memory ReplicaPort that keeps a
 * device's outbox and what it applied, a SyncCrypto with real Ed25519 signatures (signing.ts) and
 * JSON as ciphertext, a change bus, and engines wired to the real relay's transport.
 */
import * as v from 'valibot';
import WebSocket from 'ws';
import { systemClock } from '../../../core/clock';
import type { ChangeBus, StoreChange } from '../../../core/db/change-bus';
import { formatHlc } from '../../../core/hlc';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';
import { createSyncEngine, type SyncEngine, type Timers } from '../../../core/sync/engine/engine';
import { problemOfAnswer } from '../../../core/sync/engine/relay-problem';
import type {
  ApplyOutcome, OutboxEntry, RelayTransport, ReplicaPort, SyncAccountPort, SyncCrypto, SyncCursor, SyncIdentity, SyncSet,
} from '../../../core/sync/ports';
import { DeviceListSchema, type Envelope, type StoredSet } from '../../../core/sync/protocol';
import { itemHash, removeDeviceMessage, signBytes, signSet, verifySet } from '../../../core/sync/signing';
import { utf8 } from '../../../core/vault/bytes';
import { createRelayTransport, type SocketConstructor } from '../../../platform/sync/relay-transport';
import type { LockRequester } from '../../../platform/sync/sync-runner';
import { connectDevice } from './relay-client';
import { createTestDevice, newTeamKey, type TestDevice } from './test-device';

/** Public keys of the account's devices as the account knows them: a relay cannot add to it. */
export type Directory = Map<string, Uint8Array>;

export const createTestCrypto = (device: TestDevice, directory: Directory): SyncCrypto => {
  directory.set(device.keys.deviceId, device.keys.publicKey);
  return {
    deviceId: device.keys.deviceId,
    signChallenge: async (message) => new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, device.keys.privateKey, new Uint8Array(message))),
    seal: async (entry: OutboxEntry, team: string): Promise<Envelope> => {
      const items = await Promise.all(entry.set.items.map(async (item) => {
        const ct = utf8(JSON.stringify(item.body));
        return { recordId: item.recordId, kind: item.kind, op: item.op === 'erase' ? 'purge' as const : item.op, h: await itemHash(ct), ct: toBase64Url(ct) };
      }));
      return signSet(device.keys.privateKey, {
        v: 1, team, setId: entry.set.setId, device: device.keys.deviceId, clientSeq: entry.clientSeq, prevSetId: entry.prevSetId, epoch: 1, items,
      });
    },
    open: async (set: StoredSet): Promise<SyncSet | null> => {
      const publicKey = directory.get(set.device);
      if (!publicKey || !(await verifySet(publicKey, set))) return null;
      const items = [];
      for (const item of set.items) {
        const ct = item.ct === undefined ? undefined : fromBase64Url(item.ct);
        if (ct && (await itemHash(ct)) !== item.h) return null;
        items.push({ recordId: item.recordId, kind: item.kind, op: item.op, body: ct ? JSON.parse(new TextDecoder().decode(ct)) : null });
      }
      return { setId: set.setId, deviceId: set.device, author: 'owner', items };
    },
  };
};

export interface TestReplica extends ReplicaPort {
  /** A local write: one set in the outbox, announced on the bus like a store commit. */
  readonly write: (text: string) => SyncSet;
  /** Every set this device holds (its own and applied remote ones), by set id. */
  readonly sets: () => ReadonlyMap<string, SyncSet>;
  /** When each remote set was applied (performance.now()). */
  readonly appliedAt: ReadonlyMap<string, number>;
  /** When each own set was acknowledged by the relay (performance.now()). */
  readonly ackedAt: ReadonlyMap<string, number>;
  readonly bus: ChangeBus;
}

export const createTestBus = (): ChangeBus => {
  const listeners = new Set<(change: StoreChange) => void>();
  return {
    publish: (change) => { for (const listener of listeners) queueMicrotask(() => listener(change)); },
    subscribe: (listener) => { listeners.add(listener); return () => { listeners.delete(listener); }; },
    close: () => listeners.clear(),
  };
};

/** An in-memory replica with the port's promises: stable clientSeqs, monotonic ack, idempotent apply. */
export const createTestReplica = (deviceId: string): TestReplica => {
  const outbox: { set: SyncSet; clientSeq: number | null }[] = [];
  const held = new Map<string, SyncSet>();
  const appliedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const bus = createTestBus();
  let acked = 0;
  let assigned = 0;
  let cursor: SyncCursor | null = null;
  let counter = 0;
  const unacked = () => outbox.filter((row) => row.clientSeq === null || row.clientSeq > acked);
  return {
    bus,
    appliedAt,
    ackedAt,
    sets: () => held,
    write: (text) => {
      counter += 1;
      const set: SyncSet = {
        setId: formatHlc({ wallMs: systemClock.now(), counter: counter % 100_000, nodeId: deviceId }), deviceId, author: 'owner',
        items: [{ recordId: `r-${deviceId.slice(0, 6)}-${counter}`, kind: 'person', op: 'create', body: { changed: ['name'], values: { name: text } } }],
      };
      outbox.push({ set, clientSeq: null });
      held.set(set.setId, set);
      bus.publish({ ids: [], kinds: ['person'], settings: false });
      return set;
    },
    pending: async (limit) => {
      const rows = unacked().slice(0, limit);
      for (const row of rows) if (row.clientSeq === null) row.clientSeq = (assigned += 1);
      return rows.map((row) => {
        const previous = outbox.find((other) => other.clientSeq === row.clientSeq! - 1);
        return { clientSeq: row.clientSeq!, prevSetId: previous?.set.setId ?? null, set: row.set };
      });
    },
    pendingCount: async () => unacked().length,
    acknowledge: async (clientSeq) => {
      if (clientSeq <= acked) return;
      for (const row of outbox) if (row.clientSeq !== null && row.clientSeq > acked && row.clientSeq <= clientSeq) ackedAt.set(row.set.setId, performance.now());
      acked = clientSeq;
    },
    relayRegressed: async (relayHolds, next) => {
      acked = Math.min(acked, relayHolds);
      cursor = next;
    },
    applyRemote: async (sets, next): Promise<ApplyOutcome> => {
      let applied = 0;
      for (const set of sets) {
        if (held.has(set.setId)) continue;
        held.set(set.setId, set);
        appliedAt.set(set.setId, performance.now());
        applied += 1;
      }
      cursor = next;
      return { applied, skipped: sets.length - applied };
    },
    cursor: async () => cursor,
  };
};

/** A transport whose relay can be swapped (a relay restarted elsewhere), over the real fetch and ws. */
export const createSwitchableTransport = (relayUrl: string): RelayTransport & { readonly switchTo: (url: string) => void } => {
  const make = (url: string) => createRelayTransport({ relayUrl: url, WebSocket: WebSocket as unknown as SocketConstructor });
  let current = make(relayUrl);
  return {
    request: (path, init) => current.request(path, init),
    openSocket: (handlers) => current.openSocket(handlers),
    switchTo: (url) => { current = make(url); },
  };
};

export interface TestSyncDevice {
  readonly device: TestDevice;
  readonly crypto: SyncCrypto;
  readonly replica: TestReplica;
  readonly transport: ReturnType<typeof createSwitchableTransport>;
  /** A fresh engine over the same replica (a device that closed and came back). */
  readonly newEngine: (timers?: Timers) => SyncEngine;
}

export const createTestSyncDevice = async (team: string, relayUrl: string, directory: Directory): Promise<TestSyncDevice> => {
  const device = await createTestDevice(team, newTeamKey());
  const crypto = createTestCrypto(device, directory);
  const replica = createTestReplica(device.keys.deviceId);
  const transport = createSwitchableTransport(relayUrl);
  return {
    device, crypto, replica, transport,
    newEngine: (timers) => createSyncEngine({
      transport, replica, crypto, team, clock: systemClock, random: Math.random, changes: replica.bus, ...(timers ? { timers } : {}),
    }),
  };
};

/** Web Locks' exclusive mode in one process: requests for a name run one after another, in order. */
export const createTestLocks = (): LockRequester => {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request: (name, options, run) => {
      const turn = (tails.get(name) ?? Promise.resolve()).then(async () => {
        if (options.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
        await run();
      });
      tails.set(name, turn.catch(() => undefined));
      return turn;
    },
  };
};

/**
 * A SyncAccountPort over a test device and the real relay: creating the account registers the
 * device as its team's first; device names are not sealed here (core/sync-account does that).
 */
export const createTestAccount = (sync: TestSyncDevice): SyncAccountPort & { readonly identityNow: () => SyncIdentity | null } => {
  let identity: SyncIdentity | null = null;
  const transport = (): RelayTransport => sync.transport;
  const refusedBy = (answer: { status: number; body: unknown }) => ({ ok: false as const, error: problemOfAnswer(answer.status, answer.body) });
  return {
    identityNow: () => identity,
    identity: async () => identity,
    createAccount: async (relayUrl, deviceName) => {
      sync.transport.switchTo(relayUrl);
      await connectDevice(relayUrl, sync.device, 'register');
      identity = { relayUrl, team: sync.device.team, deviceId: sync.crypto.deviceId, deviceName, epoch: 1 };
      return { ok: true, value: identity };
    },
    crypto: async () => (identity ? sync.crypto : null),
    devices: async (token) => {
      const answer = await transport().request('/v1/devices', { token });
      if (answer.status !== 200) return refusedBy(answer);
      const { devices } = v.parse(DeviceListSchema, answer.body);
      return {
        ok: true,
        value: devices.map((device) => ({
          id: device.device, name: device.device === sync.crypto.deviceId ? identity?.deviceName ?? '' : 'another device',
          thisDevice: device.device === sync.crypto.deviceId, addedAt: device.addedAt, lastSeenAt: device.lastSeenAt, removed: device.removedAt !== null,
        })),
      };
    },
    removeDevice: async (token, deviceId) => {
      const sig = await signBytes(sync.device.keys.privateKey, removeDeviceMessage(sync.device.team, sync.crypto.deviceId, deviceId));
      const answer = await transport().request('/v1/devices/remove', { token, body: { device: deviceId, sig } });
      return answer.status === 200 ? { ok: true, value: undefined } : refusedBy(answer);
    },
    offerPairing: async () => ({ ok: false, error: { type: 'not-connected' } }),
    joinWithCode: async () => ({ ok: false, error: { type: 'not-connected' } }),
    confirmPairing: () => undefined,
    forget: async () => { identity = null; },
  };
};
