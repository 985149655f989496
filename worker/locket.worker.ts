import { deriveAuditKeys } from '../core/audit/hash';
import * as Comlink from 'comlink';
import { systemClock } from '../core/clock';
import { createBroadcastBus } from '../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/db/db-name';
import { openStoreDeps } from '../core/store/open-store';
import { migrateTeamSettings } from '../core/settings/settings';
import { mayAct } from '../core/team/local-rights';
import { createAesGcmCodec } from '../core/vault/aes-codec';
import { locketContract } from './contract';
import { hostContract } from './host';
import { createOpenWorkerApi } from './implementation';
import { createRelayTransport } from '../platform/sync/relay-transport';
import { createSyncPorts } from './sync-ports';
import { createLocalStanding } from '../core/sync-account/local-standing';
import { startWorkerSync } from './sync-worker';

// One bus for both: it delivers the store's own announcements locally too, so the index
// also sees what this worker writes (insertMany).
const bus = createBroadcastBus();
const { promise: accountKey, resolve: receiveKey } = Promise.withResolvers<Uint8Array<ArrayBuffer>>();

const ready = accountKey.then(async (key) => openStoreDeps({
  factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(key), clock: systemClock, bus, author: 'owner',
  auditKeys: await deriveAuditKeys(key),
})).then(async (storeDeps) => {
  // Sync starts with the key and ends with this worker: the page ends it on lock or close,
  // and the browser then frees the sync lock for the next unlocked page.
  const transportFor = (relayUrl: string) => createRelayTransport({ relayUrl });
  const ports = createSyncPorts(storeDeps, transportFor);
  // The member's role, from the log this device last validated, for this device's id in it.
  const standing = createLocalStanding({
    db: storeDeps.db, clock: systemClock, deviceId: async () => (await ports.account.identity())?.deviceId ?? null,
  });
  // Team settings an older version kept with the personal ones become records of their own, once, before a pull could bring others.
  await migrateTeamSettings(storeDeps, mayAct(await standing(), 'settings'));
  const sync = startWorkerSync({ ports, changes: bus, transportFor, locks: navigator.locks, clock: systemClock, random: Math.random });
  return createOpenWorkerApi(storeDeps, bus, { sync: sync.api, team: sync.team, standing, relayRetention: sync.relayRetention });
});

Comlink.expose(hostContract(locketContract, {
  // The key arrives checked (32 bytes); copied so that nothing else holds the buffer the store keeps.
  immediate: { open: async (key) => { receiveKey(new Uint8Array(key)); } },
  ready,
}));
