/**
 * Sync devices in the bench page: each on a wiped database of its own, with the store, replica,
 * SyncCrypto and sync engine the worker wires (worker/sync-worker.ts), over the real relay
 * transport. The worker adds only the Web Lock runner and comlink around the same engine.
 */
import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { openReplica } from '../../core/replica/open-replica';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import { openStoreDeps } from '../../core/store/open-store';
import { createStore } from '../../core/store/store';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { parseAnswer } from '../../core/sync/engine/relay-problem';
import { createRelaySession } from '../../core/sync/engine/relay-session';
import { createSyncCrypto } from '../../core/sync/envelopes';
import { FIRST_EPOCH } from '../../core/sync/item-crypto';
import type { SyncCrypto } from '../../core/sync/ports';
import { LIMITS, PullReplySchema, type StoredSet } from '../../core/sync/protocol';
import { generateDeviceKeys, type DeviceKeys } from '../../core/sync/signing';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { createRelayTransport } from '../../platform/sync/relay-transport';
import type { FullSyncReport, SyncJoin, SyncWrite } from '../../test/bench/bench-api';
import { deleteDatabase } from './delete-database';
import { timeFloorPut } from './sync-floor';

const keysByName = new Map<string, DeviceKeys>();

interface OpenDevice {
  readonly engine: SyncEngine;
  readonly store: ReturnType<typeof createStore>;
  readonly close: () => Promise<void>;
  /** Rows in the database's records store (trash included, none here). */
  readonly countRecords: () => Promise<number>;
  /** Record id → wall time it was read back from the store after a change announced it. */
  readonly seen: Map<string, number>;
}
const openDevices = new Map<string, OpenDevice>();

const databaseOf = (name: string): string => `locket-bench-sync-${name}`;
const wallNow = (): number => performance.timeOrigin + performance.now();

export const syncDeviceKeys = async (name: string): Promise<{ deviceId: string; publicKey: string }> => {
  const keys = await generateDeviceKeys();
  keysByName.set(name, keys);
  return { deviceId: keys.deviceId, publicKey: toBase64Url(keys.publicKey) };
};

const keysOf = (name: string): DeviceKeys => {
  const keys = keysByName.get(name);
  if (!keys) throw new Error(`No sync keys for bench device "${name}": call syncDeviceKeys first`);
  return keys;
};

const cryptoFor = (name: string, join: SyncJoin): Promise<SyncCrypto> => {
  const signers = new Map(join.signers.map((signer) => [signer.deviceId, fromBase64Url(signer.publicKey)]));
  const syncKey = fromBase64Url(join.syncKey);
  if (!syncKey) throw new Error('The bench join carries a malformed sync key');
  return createSyncCrypto({ device: keysOf(name), team: join.team, epoch: FIRST_EPOCH, syncKey }, async (deviceId) => signers.get(deviceId) ?? null);
};

/** Resolves once the engine's first round is over; rejects when it goes offline or is removed instead. */
const firstRound = (engine: SyncEngine): Promise<void> => new Promise((resolve, reject) => {
  const stop = engine.watch((status) => {
    if (status.state === 'connected') { stop(); resolve(); }
    if (status.state === 'offline' || status.state === 'removed') { stop(); reject(new Error(`Sync went ${status.state}: ${JSON.stringify(status.problem)}`)); }
  });
});

/** A wiped database with an account key of its own (AES-GCM, as every account's), its store and a running engine. */
const openDevice = async (name: string, join: SyncJoin, watchArrivals: boolean): Promise<{ device: OpenDevice; started: number; ready: Promise<void> }> => {
  await deleteDatabase(indexedDB, databaseOf(name));
  const accountKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const bus = createBroadcastBus(databaseOf(name));
  const deps = await openStoreDeps({
    factory: indexedDB, name: databaseOf(name), codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner',
    auditKeys: await deriveAuditKeys(accountKey),
  });
  const crypto = await cryptoFor(name, join);
  const engine = createSyncEngine({
    transport: createRelayTransport({ relayUrl: join.relayUrl }), replica: openReplica(deps), crypto, team: join.team,
    clock: systemClock, random: Math.random, changes: bus,
  });
  const store = createStore(deps);
  const seen = new Map<string, number>();
  // Only where arrivals are timed: reading every record back would load a full sync with work of the bench's own.
  const unsubscribe = watchArrivals ? bus.subscribe((change) => {
    for (const id of change.ids) {
      if (seen.has(id)) continue;
      void store.get(id).then((record) => { if (record && !seen.has(id)) seen.set(id, wallNow()); });
    }
  }) : () => undefined;
  const device: OpenDevice = {
    engine, store, seen, countRecords: () => deps.db.count('records'),
    close: async () => {
      await engine.stop();
      unsubscribe();
      bus.close();
      deps.db.close();
      await deleteDatabase(indexedDB, databaseOf(name));
    },
  };
  const ready = firstRound(engine);
  const started = performance.now();
  engine.start();
  return { device, started, ready };
};

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

/** The pull alone: every page from seq 0 to the head through a session of this device, parsed as the engine parses it. */
const pullEverything = async (join: SyncJoin, crypto: SyncCrypto): Promise<StoredSet[][]> => {
  const session = createRelaySession({ transport: createRelayTransport({ relayUrl: join.relayUrl }), crypto, team: join.team, clock: systemClock });
  const pages: StoredSet[][] = [];
  let since = 0;
  for (let page = 0; page < 10_000; page += 1) {
    const reply = parseAnswer(PullReplySchema, await session.call('/v1/pull', { since, limit: LIMITS.maxPullSets }));
    pages.push(reply.sets);
    since = reply.sets.at(-1)?.seq ?? since;
    if (!reply.more) break;
  }
  return pages;
};

export const fullSync = async (name: string, join: SyncJoin): Promise<FullSyncReport> => {
  const { device, started, ready } = await openDevice(name, join, false);
  let fullMs: number;
  let records: number;
  try {
    await ready;
    fullMs = performance.now() - started;
    records = await device.countRecords();
  } finally {
    await device.close();
  }
  // The parts after the whole, on the same relay: a warmer relay favours the parts, never the sync.
  const crypto = await cryptoFor(name, join);
  const pulled = await timed(() => pullEverything(join, crypto));
  const decrypted = await timed(() => Promise.all(pulled.value.map(async (page) => {
    const opened = [];
    for (const set of page) opened.push(await crypto.open(set));
    return opened;
  })));
  if (decrypted.value.some((page) => page.some((set) => set === null))) throw new Error('A pulled set did not open');
  const putMs = await timeFloorPut(decrypted.value);
  return {
    records, sets: pulled.value.reduce((sum, page) => sum + page.length, 0), fullMs, pullMs: pulled.ms, decryptMs: decrypted.ms, putMs,
    pulledBytes: pulled.value.reduce((sum, page) => sum + JSON.stringify(page).length, 0), pages: pulled.value.length,
  };
};

export const syncOpen = async (name: string, join: SyncJoin): Promise<void> => {
  const { device, ready } = await openDevice(name, join, true);
  openDevices.set(name, device);
  await ready;
};

const openDeviceOf = (name: string): OpenDevice => {
  const device = openDevices.get(name);
  if (!device) throw new Error(`Bench device "${name}" is not open`);
  return device;
};

export const syncWrite = async (name: string, index: number): Promise<SyncWrite> => {
  const startedAt = wallNow();
  const saved = await openDeviceOf(name).store.create('person', { firstName: 'Latency', lastName: `Probe ${index}` });
  if (!saved.ok) throw new Error(`The bench person did not save: ${JSON.stringify(saved.error)}`);
  return { id: saved.value.id, startedAt };
};

export const syncSeen = async (name: string, id: string): Promise<number | null> => openDeviceOf(name).seen.get(id) ?? null;

export const syncClose = async (name: string): Promise<void> => {
  await openDevices.get(name)?.close();
  openDevices.delete(name);
};
