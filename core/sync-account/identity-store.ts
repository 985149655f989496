/**
 * This device's sync identity in `meta`: the non-secret part in the clear, the device's private
 * keys and the account's sync key sealed under the account key by the codec (bound to the row),
 * and the account's device list (ids and public keys, no names) that sets are verified against.
 * Every change commits with its audit entry in one transaction (retriedWrite's receipt).
 */
import * as v from 'valibot';
import type { AuditLog, AuditType } from '../audit/audit-log';
import type { EncodedValue, ValueCodec } from '../codec';
import type { Recode } from '../store/codec-migration';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite, STALE } from '../db/transaction';
import { deepEqual } from '../db/deep-equal';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import type { ExportedDeviceKeys } from '../sync/device-keys';
import type { SyncIdentity } from '../sync/ports';
import type { DeviceInfo } from '../sync/protocol';
import type { Bytes } from '../vault/types';

export const SYNC_IDENTITY_KEY = 'sync-identity';
export const SYNC_DEVICES_KEY = 'sync-devices';
const secretsAad = (deviceId: string): string => `locket/sync/identity/${deviceId}`;

export interface SyncSecrets {
  readonly deviceKeys: ExportedDeviceKeys;
  readonly syncKey: Bytes;
}

/** One device of the account as this device last saw it: enough to verify its sets. */
export interface KnownDevice {
  readonly device: string;
  readonly publicKey: string;
  readonly removed: boolean;
  /**
   * The highest clientSeq the relay held from the device when the list was read. Once it is
   * removed the relay takes nothing more from it, so its sets up to this one are in the log
   * from before the removal and still verify; later ones cannot have come through the relay.
   */
  readonly ackedClientSeq?: number;
}

/** The account's devices as the relay lists them (names are not kept here). */
export const knownDevicesOf = (devices: readonly DeviceInfo[]): KnownDevice[] =>
  devices.map((d) => ({ device: d.device, publicKey: d.publicKey, removed: d.removedAt !== null, ackedClientSeq: d.ackedClientSeq }));

/** Whether a set at `clientSeq` signed by `device` may verify: a known device, and if removed, a set from before. */
export const signsFor = (device: KnownDevice | undefined, clientSeq: number): device is KnownDevice =>
  device !== undefined && (!device.removed || clientSeq <= (device.ackedClientSeq ?? 0));

const Base64Bytes = v.pipe(v.string(), v.transform((text) => fromBase64Url(text)), v.instance(Uint8Array));
const SecretsSchema = v.strictObject({
  signingPkcs8: Base64Bytes, signingPublicKey: Base64Bytes, agreementPkcs8: Base64Bytes, agreementPublicKey: Base64Bytes, syncKey: Base64Bytes,
});
const IdentityRowSchema = v.object({
  relayUrl: v.string(), team: v.string(), deviceId: v.string(), deviceName: v.string(), epoch: v.number(), secrets: v.unknown(),
});
/**
 * The identity row as `recode` leaves its sealed secrets (under the same name), or null when
 * there is no identity or nothing in it changed. A change of account key rewrites it with
 * every other value the account key seals, so the device stays connected afterwards.
 */
export const recodedIdentityRow = async (stored: unknown, recode: Recode): Promise<unknown | null> => {
  const parsed = v.safeParse(IdentityRowSchema, stored);
  if (!parsed.success) return null;
  const sealed = parsed.output.secrets as EncodedValue;
  const secrets = await recode(sealed, secretsAad(parsed.output.deviceId));
  return secrets === sealed ? null : { ...(stored as object), secrets };
};
/** Whether a stored `meta` row is a sync identity: this device is connected to a relay. */
export const isSyncIdentityRow = (stored: unknown): boolean => v.safeParse(IdentityRowSchema, stored).success;

const DevicesSchema = v.array(v.object({ device: v.string(), publicKey: v.string(), removed: v.boolean(), ackedClientSeq: v.optional(v.number()) }));

export const createIdentityStore = (db: LocketDatabase, codec: ValueCodec, audit: AuditLog, author: string) => {
  const readRow = async () => {
    const parsed = v.safeParse(IdentityRowSchema, await db.get('meta', SYNC_IDENTITY_KEY));
    return parsed.success ? parsed.output : null;
  };

  const identity = async (): Promise<SyncIdentity | null> => {
    const row = await readRow();
    return row && { relayUrl: row.relayUrl, team: row.team, deviceId: row.deviceId, deviceName: row.deviceName, epoch: row.epoch };
  };

  /** The sealed keys; null without an identity, or when they do not open under this account key. */
  const secrets = async (): Promise<SyncSecrets | null> => {
    const row = await readRow();
    if (!row) return null;
    try {
      const parsed = v.safeParse(SecretsSchema, await codec.decode(row.secrets as EncodedValue, secretsAad(row.deviceId)));
      if (!parsed.success) return null;
      const { syncKey, ...deviceKeys } = parsed.output as unknown as ExportedDeviceKeys & { syncKey: Bytes };
      return { deviceKeys, syncKey };
    } catch {
      return null;
    }
  };

  const knownDevices = async (): Promise<KnownDevice[]> => {
    const parsed = v.safeParse(DevicesSchema, await db.get('meta', SYNC_DEVICES_KEY));
    return parsed.success ? parsed.output : [];
  };

  /** Writes (or with `identity` null, deletes) the identity and the device list, with the audit entry, only if both are unchanged since read. */
  const commit = async (
    change: { identity?: { identity: SyncIdentity; secrets: SyncSecrets } | null; devices?: readonly KnownDevice[] },
    entry: { type: AuditType; detail?: Record<string, string | number | boolean> },
  ): Promise<void> => {
    await retriedWrite(db, {
      subject: { type: 'sync-identity' },
      stores: ['meta'],
      prepare: async () => {
        const [identityBefore, devicesBefore] = await Promise.all([db.get('meta', SYNC_IDENTITY_KEY), db.get('meta', SYNC_DEVICES_KEY)]);
        let identityRow: unknown;
        if (change.identity) {
          const { identity: id, secrets: keys } = change.identity;
          const plain = {
            signingPkcs8: toBase64Url(keys.deviceKeys.signingPkcs8), signingPublicKey: toBase64Url(keys.deviceKeys.signingPublicKey),
            agreementPkcs8: toBase64Url(keys.deviceKeys.agreementPkcs8), agreementPublicKey: toBase64Url(keys.deviceKeys.agreementPublicKey),
            syncKey: toBase64Url(keys.syncKey),
          };
          identityRow = { ...id, secrets: await codec.encode(plain, secretsAad(id.deviceId)) };
        }
        return { identityBefore, devicesBefore, identityRow };
      },
      write: async (tx, { identityBefore, devicesBefore, identityRow }) => {
        const meta = tx.objectStore('meta');
        if (!deepEqual(await meta.get(SYNC_IDENTITY_KEY), identityBefore) || !deepEqual(await meta.get(SYNC_DEVICES_KEY), devicesBefore)) return STALE;
        if (change.identity === null) await Promise.all([meta.delete(SYNC_IDENTITY_KEY), meta.delete(SYNC_DEVICES_KEY)]);
        else if (identityRow !== undefined) await meta.put(identityRow, SYNC_IDENTITY_KEY);
        if (change.devices) await meta.put(change.devices.map((d) => ({ ...d })), SYNC_DEVICES_KEY);
        return null;
      },
      receipt: () => audit.stage({ type: entry.type, by: author, subjects: [], detail: entry.detail ?? {} }),
    });
  };

  /** The device list as the relay last gave it: no audit entry, it records nothing the owner did. */
  const rememberDevices = async (devices: readonly KnownDevice[]): Promise<void> => {
    await db.put('meta', devices.map((d) => ({ ...d })), SYNC_DEVICES_KEY);
  };

  return { identity, secrets, knownDevices, commit, rememberDevices };
};

export type IdentityStore = ReturnType<typeof createIdentityStore>;
