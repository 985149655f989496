/**
 * SyncCrypto over one device's keys and the account's sync key: seals an outbox entry into a
 * signed envelope, and opens what the relay sends back only when every check holds.
 *
 * An item's plaintext is the PADMÉ-padded JSON `{ a: author, b: body }`: the author travels
 * encrypted with the body, so the relay never learns who wrote a set. `open` returns null rather
 * than throwing for anything that does not verify: an unknown signer (or a removed one's set from
 * after its removal), a bad signature, a ciphertext whose hash differs from its signed `h`, or one
 * that does not open for its place.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import type { Bytes } from '../vault/types';
import { derivePurposeKey, ITEM_KEY_INFO, openItemValue, sealItemValue, type ItemPlace } from './item-crypto';
import type { OutboxEntry, SyncCrypto, SyncItem, SyncItemBody, SyncSet } from './ports';
import { EnvelopeSchema, PROTOCOL_VERSION, StoredSetSchema, UnsignedEnvelopeSchema, type Envelope, type Item, type StoredSet } from './protocol';
import { deviceIdFromPublicKey, itemHash, signSet, verifySet, type DeviceKeys } from './signing';
import { createSnapshotCrypto } from './snapshot-crypto';

/**
 * Where a signer's Ed25519 public key comes from: the account's device list. A removed device
 * still signs the sets the relay accepted from it before its removal (`clientSeq` tells them
 * apart); null for an unknown device, or a removed one's set from after.
 */
export type SignerLookup = (deviceId: string, clientSeq: number) => Promise<Uint8Array | null>;

export interface SyncCryptoKeys {
  readonly device: DeviceKeys;
  readonly team: string;
  /** The newest epoch this device holds: every set it seals is under `syncKey` at this epoch. */
  readonly epoch: number;
  readonly syncKey: Bytes;
  /** A team's earlier epochs' keys (core/team/keyring.ts): sets sealed before a rotation still open. */
  readonly olderKeys?: ReadonlyMap<number, Bytes>;
}

const BodySchema = v.looseObject({ changed: v.array(v.string()), values: v.record(v.string(), v.unknown()) });
const PlaintextSchema = v.strictObject({ a: v.string(), b: v.nullable(BodySchema) });

const placeOf = (set: { team: string; setId: string; epoch: number }, item: Omit<Item, 'h' | 'ct'>, index: number): ItemPlace =>
  ({ team: set.team, setId: set.setId, index, recordId: item.recordId, kind: item.kind, op: item.op, epoch: set.epoch });

export const createSyncCrypto = async (keys: SyncCryptoKeys, signerKey: SignerLookup): Promise<SyncCrypto> => {
  const itemKey = await derivePurposeKey(keys.syncKey, ITEM_KEY_INFO);
  const itemKeys = new Map<number, CryptoKey>([[keys.epoch, itemKey]]);
  for (const [epoch, key] of keys.olderKeys ?? []) if (epoch !== keys.epoch) itemKeys.set(epoch, await derivePurposeKey(key, ITEM_KEY_INFO));
  const { device } = keys;
  const snapshots = await createSnapshotCrypto(keys.team, keys.epoch, keys.syncKey, keys.olderKeys);

  const seal = async (entry: OutboxEntry, team: string): Promise<Envelope> => {
    const { set } = entry;
    const header = { team, setId: set.setId, epoch: keys.epoch };
    const items = await Promise.all(set.items.map(async (item, index) => {
      const ct = await sealItemValue(itemKey, placeOf(header, item, index), { a: set.author, b: item.body });
      return { recordId: item.recordId, kind: item.kind, op: item.op, h: await itemHash(ct), ct: toBase64Url(ct) };
    }));
    const unsigned = {
      v: PROTOCOL_VERSION, ...header, device: device.deviceId, clientSeq: entry.clientSeq, prevSetId: entry.prevSetId,
      ...(set.batchId === undefined ? {} : { batchId: set.batchId }), ...(set.undoOf === undefined ? {} : { undoOf: set.undoOf }),
      // A set whose clientSeq outlived what it held (purged since): it goes out vacant.
      ...(items.length === 0 ? { vacant: true as const } : {}),
      items,
    };
    // Our own outbox: a set the wire contract refuses is a bug here, not the relay's to find.
    return v.parse(EnvelopeSchema, await signSet(device.privateKey, v.parse(UnsignedEnvelopeSchema, unsigned)));
  };

  const openChecked = async (stored: StoredSet): Promise<SyncSet | null> => {
    const setKey = itemKeys.get(stored.epoch);
    if (stored.team !== keys.team || !setKey) return null;
    const publicKey = await signerKey(stored.device, stored.clientSeq);
    if (!publicKey || (await deviceIdFromPublicKey(publicKey)) !== stored.device) return null;
    if (!(await verifySet(publicKey, stored))) return null;
    // Every item at once: WebCrypto answers each call asynchronously, and a set holds up to 1000 items.
    const opened = await Promise.all(stored.items.map(async (item, index) => {
      const head = { recordId: item.recordId, kind: item.kind, op: item.op };
      if (item.ct === undefined) return { item: { ...head, body: null }, author: null };
      const ct = fromBase64Url(item.ct);
      if (!ct || (await itemHash(ct)) !== item.h) return null;
      const value = await openItemValue(setKey, placeOf(stored, item, index), ct);
      const plaintext = value && v.safeParse(PlaintextSchema, value.value);
      if (!plaintext?.success) return null;
      return { item: { ...head, body: plaintext.output.b as SyncItemBody | null }, author: plaintext.output.a };
    }));
    const items: SyncItem[] = [];
    let author: string | null = null;
    for (const entry of opened) {
      // One item that does not open refuses the whole set.
      if (!entry) return null;
      items.push(entry.item);
      author ??= entry.author;
    }
    return {
      setId: stored.setId, deviceId: stored.device, author: author ?? '', items,
      ...(stored.batchId === undefined ? {} : { batchId: stored.batchId }), ...(stored.undoOf === undefined ? {} : { undoOf: stored.undoOf }),
    };
  };

  return {
    deviceId: device.deviceId,
    signChallenge: async (message) =>
      new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, new Uint8Array(message))),
    seal,
    snapshots,
    open: async (stored) => {
      // Whatever the relay sent: validated here too, and nothing it sends may throw.
      const parsed = v.safeParse(StoredSetSchema, stored);
      if (!parsed.success) return null;
      try {
        return await openChecked(parsed.output);
      } catch {
        return null;
      }
    },
  };
};
