/**
 * SyncAccountPort on this device's database and the vault's account key: joining (first device
 * or by pairing), the device list with decrypted names, removing another device, forgetting.
 * Built while unlocked (it needs the account key's codec); keys exist in memory only here.
 */
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ValueCodec } from '../codec';
import type { LocketDatabase } from '../db/schema';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { importDeviceKeys, generateSyncDeviceKeys } from '../sync/device-keys';
import { openDeviceName, sealDeviceName } from '../sync/device-names';
import { createSyncCrypto } from '../sync/envelopes';
import type { SnapshotCrypto } from '../sync/snapshot-crypto';
import { FIRST_EPOCH, newSyncKey, randomBytes } from '../sync/item-crypto';
import type { RelayTransport, SyncAccountPort, SyncCrypto, SyncDeviceView, SyncIdentity } from '../sync/ports';
import { DeviceListSchema } from '../sync/protocol';
import { removeDeviceMessage, signBytes } from '../sync/signing';
import * as v from 'valibot';
import { createIdentityStore, knownDevicesOf, signsFor } from './identity-store';
import { cachedTeamState, forgetCachedLog, keyringOf, readCachedEntries } from './team-log-cache';
import { createPairing, type PairingDeps } from './pairing';
import { authenticate, call, fail, type Answer } from './relay-calls';

export interface SyncAccountDeps {
  readonly db: LocketDatabase;
  /** The unlocked account key's codec: seals the device keys and the sync key at rest. */
  readonly codec: ValueCodec;
  readonly audit: AuditLog;
  readonly author: string;
  readonly clock: Clock;
  /** HTTP to one relay (a platform adapter; tests use the real relay). */
  readonly transportFor: (relayUrl: string) => RelayTransport;
  /** Pause between two reads of the pairing mailbox. */
  readonly pairingPollMs?: number;
  readonly onDeviceAdded?: PairingDeps['onDeviceAdded'];
}

export const createSyncAccount = (deps: SyncAccountDeps): SyncAccountPort => {
  const store = createIdentityStore(deps.db, deps.codec, deps.audit, deps.author);

  const unlocked = async () => {
    const [identity, secrets] = await Promise.all([store.identity(), store.secrets()]);
    if (!identity || !secrets) return null;
    return { identity, secrets, keys: await importDeviceKeys(secrets.deviceKeys), transport: deps.transportFor(identity.relayUrl) };
  };

  const createAccount = async (relayUrl: string, deviceName: string): Promise<Answer<SyncIdentity>> => {
    if (await store.identity()) return fail({ type: 'already-connected' });
    const { keys, exported } = await generateSyncDeviceKeys();
    const syncKey = newSyncKey();
    const team = toBase64Url(randomBytes(16));
    const deviceId = keys.signing.deviceId;
    const label = await sealDeviceName(syncKey, team, deviceId, deviceName);
    const session = await authenticate(deps.transportFor(relayUrl), team, keys.signing, 'register', label);
    if (!session.ok) return session;
    const identity: SyncIdentity = { relayUrl, team, deviceId, deviceName, epoch: FIRST_EPOCH };
    await store.commit(
      { identity: { identity, secrets: { deviceKeys: exported, syncKey } }, devices: [{ device: deviceId, publicKey: toBase64Url(keys.signing.publicKey), removed: false }] },
      { type: 'sync-connected', detail: { first: true } },
    );
    return { ok: true, value: identity };
  };

  const crypto = async (): Promise<SyncCrypto | null> => {
    const state = await unlocked();
    if (!state) return null;
    let cache = new Map((await store.knownDevices()).map((d) => [d.device, d]));
    const signerKey = async (deviceId: string, clientSeq: number) => {
      // A device added (or a list read again) since this crypto was made: the list in meta may know more by now.
      if (!signsFor(cache.get(deviceId), clientSeq)) cache = new Map((await store.knownDevices()).map((d) => [d.device, d]));
      // Removed devices too, for what the relay held from them before their removal (their sets in the log).
      const device = cache.get(deviceId);
      return signsFor(device, clientSeq) ? fromBase64Url(device.publicKey) : null;
    };
    // In a team the log's keys rule: the newest epoch sealed to this device seals, older ones open history.
    const build = async (): Promise<SyncCrypto> => {
      const team = await cachedTeamState(deps.db, deps.clock);
      const ring = team && (await keyringOf(team, state.keys));
      const { team: teamId } = state.identity;
      return createSyncCrypto(ring
        ? { device: state.keys.signing, team: teamId, epoch: ring.epoch, syncKey: ring.key, olderKeys: ring.keys }
        : { device: state.keys.signing, team: teamId, epoch: state.identity.epoch, syncKey: state.secrets.syncKey }, signerKey);
    };
    let seen = (await readCachedEntries(deps.db)).length;
    let built = await build();
    /** The log only grows: a longer cached log (a rotation, a member added) rebuilds the keys before the next seal or open. */
    const current = async (): Promise<SyncCrypto> => {
      const length = (await readCachedEntries(deps.db)).length;
      if (length !== seen) {
        seen = length;
        built = await build();
      }
      return built;
    };
    return {
      deviceId: state.keys.signing.deviceId,
      signChallenge: (message) => built.signChallenge(message),
      seal: async (entry, team) => (await current()).seal(entry, team),
      open: async (stored) => (await current()).open(stored),
      // Read once per snapshot upload: its epoch and sealing stay those of one key, even if the log grows meanwhile.
      get snapshots(): SnapshotCrypto | undefined {
        const sealing = built.snapshots;
        return sealing && {
          epoch: sealing.epoch,
          seal: sealing.seal,
          // A snapshot read after a rotation may be under an epoch only the log's newest keys open.
          open: async (place, sealed) => ((await current()).snapshots?.open(place, sealed) ?? null),
        };
      },
    };
  };

  const devices = async (token: string): Promise<Answer<readonly SyncDeviceView[]>> => {
    const state = await unlocked();
    if (!state) return fail({ type: 'not-connected' });
    const list = await call(state.transport, '/v1/devices', { token }, DeviceListSchema);
    if (!list.ok) return list;
    await store.rememberDevices(knownDevicesOf(list.value.devices));
    const { team } = state.identity;
    return {
      ok: true,
      value: await Promise.all(list.value.devices.map(async (d) => ({
        id: d.device,
        name: (await openDeviceName(state.secrets.syncKey, team, d.device, d.label)) ?? '',
        thisDevice: d.device === state.identity.deviceId,
        addedAt: d.addedAt, lastSeenAt: d.lastSeenAt, removed: d.removedAt !== null,
      }))),
    };
  };

  const removeDevice = async (token: string, deviceId: string): Promise<Answer<void>> => {
    const state = await unlocked();
    if (!state) return fail({ type: 'not-connected' });
    // This device leaves by disconnecting: removing itself would strand its own outbox.
    if (deviceId === state.identity.deviceId) return fail({ type: 'this-device' });
    const sig = await signBytes(state.keys.signing.privateKey, removeDeviceMessage(state.identity.team, state.identity.deviceId, deviceId));
    const removed = await call(state.transport, '/v1/devices/remove', { token, body: { device: deviceId, sig } }, v.object({ removed: v.boolean() }));
    if (!removed.ok) return removed;
    // Already removed, or never a device of this account: nothing happened to record.
    if (!removed.value.removed) return { ok: true, value: undefined };
    const list = (await store.knownDevices()).map((d) => (d.device === deviceId ? { ...d, removed: true } : d));
    await store.commit({ devices: list }, { type: 'device-removed' });
    return { ok: true, value: undefined };
  };

  const forget = async (): Promise<void> => {
    if (!(await store.identity())) return;
    await store.commit({ identity: null }, { type: 'sync-disconnected' });
    await forgetCachedLog(deps.db);
  };

  const pairing = createPairing({
    store, clock: deps.clock, transportFor: deps.transportFor, unlocked, pollMs: deps.pairingPollMs ?? 1000,
    ...(deps.onDeviceAdded ? { onDeviceAdded: deps.onDeviceAdded } : {}),
  });

  return {
    identity: store.identity,
    createAccount,
    crypto,
    devices,
    removeDevice,
    offerPairing: pairing.offer,
    joinWithCode: pairing.join,
    confirmPairing: pairing.confirm,
    forget,
  };
};
