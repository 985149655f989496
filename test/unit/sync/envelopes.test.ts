import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../core/hlc';
import { toBase64Url } from '../../../core/security/base64url';
import { createSyncCrypto, type SignerLookup } from '../../../core/sync/envelopes';
import { FIRST_EPOCH, newSyncKey } from '../../../core/sync/item-crypto';
import type { OutboxEntry, SyncCrypto } from '../../../core/sync/ports';
import type { Envelope, StoredSet } from '../../../core/sync/protocol';
import { generateDeviceKeys, verifySet, type DeviceKeys } from '../../../core/sync/signing';

const team = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
const setId = (n: number) => formatHlc({ wallMs: Date.UTC(2026, 0, 1) + n, counter: n, nodeId: 'dev' });

const entry = (n = 1): OutboxEntry => ({
  clientSeq: n, prevSetId: n > 1 ? setId(n - 1) : null,
  set: {
    setId: setId(n), deviceId: 'local-device', author: 'owner', batchId: 'batch-1',
    items: [
      { recordId: 'p1', kind: 'person', op: 'update', body: { changed: ['name'], values: { name: 'Grace Hopper' } } },
      { recordId: 'n1', kind: 'note', op: 'create', body: { changed: ['text'], values: { text: 'met at the conference' }, tags: ['x'] } },
      { recordId: 'p2', kind: 'person', op: 'erase', body: null },
    ],
  },
});

const stored = (envelope: Envelope, seq = 1): StoredSet => ({ ...envelope, seq });

const twoDevices = async () => {
  const syncKey = newSyncKey();
  const laptop = await generateDeviceKeys();
  const phone = await generateDeviceKeys();
  const known = new Map<string, DeviceKeys>([[laptop.deviceId, laptop], [phone.deviceId, phone]]);
  const lookup: SignerLookup = async (id) => known.get(id)?.publicKey ?? null;
  const open = (device: DeviceKeys, signers = lookup): Promise<SyncCrypto> =>
    createSyncCrypto({ device, team, epoch: FIRST_EPOCH, syncKey }, signers);
  return { syncKey, laptop, phone, known, lookup, laptopCrypto: await open(laptop), phoneCrypto: await open(phone), open };
};

describe('SyncCrypto envelopes', () => {
  it('seals an outbox entry that the other device opens to the same set', async () => {
    const { laptop, laptopCrypto, phoneCrypto } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    expect(envelope).toMatchObject({ v: 1, team, device: laptop.deviceId, clientSeq: 1, prevSetId: null, epoch: 1, batchId: 'batch-1' });
    expect(await verifySet(laptop.publicKey, envelope)).toBe(true);
    expect(JSON.stringify(envelope)).not.toMatch(/Grace|conference|owner/);
    const opened = await phoneCrypto.open(stored(envelope));
    expect(opened).toEqual({ ...entry().set, deviceId: laptop.deviceId });
  });

  it('opens an item whose ciphertext the relay dropped as a body-less item, the rest intact', async () => {
    const { laptopCrypto, phoneCrypto } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    const { ct: _dropped, ...first } = envelope.items[0]!;
    const opened = await phoneCrypto.open(stored({ ...envelope, items: [first, ...envelope.items.slice(1)] }));
    expect(opened?.items[0]).toEqual({ recordId: 'p1', kind: 'person', op: 'update', body: null });
    expect(opened?.items[1]?.body).toEqual(entry().set.items[1]?.body);
    expect(opened?.author).toBe('owner');
  });

  it('refuses an unknown or removed signer', async () => {
    const { laptopCrypto, phone, syncKey, lookup } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    const forgetful = await createSyncCrypto({ device: phone, team, epoch: 1, syncKey }, async () => null);
    expect(await forgetful.open(stored(envelope))).toBeNull();
    const removedLaptop: SignerLookup = async (id, clientSeq) => (id === envelope.device ? null : lookup(id, clientSeq));
    expect(await (await createSyncCrypto({ device: phone, team, epoch: 1, syncKey }, removedLaptop)).open(stored(envelope))).toBeNull();
  });

  it('refuses a signer key that does not derive the claimed device id', async () => {
    const { laptopCrypto, phone, syncKey } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    const liar = await createSyncCrypto({ device: phone, team, epoch: 1, syncKey }, async () => phone.publicKey);
    expect(await liar.open(stored(envelope))).toBeNull();
  });

  it('refuses tampering: a changed signed field, a swapped ciphertext, a changed hash, another team', async () => {
    const { laptopCrypto, phoneCrypto } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    const [a, b, c] = envelope.items;
    const swapped = { ...envelope, items: [{ ...a!, ct: b!.ct }, b!, c!] };
    const rehashed = { ...envelope, items: [{ ...a!, h: b!.h }, b!, c!] };
    const reordered = { ...envelope, items: [b!, a!, c!] };
    const otherSeq = { ...envelope, clientSeq: 2 };
    const otherTeam = { ...envelope, team: 'A'.repeat(22) };
    for (const forged of [swapped, rehashed, reordered, otherSeq, otherTeam]) expect(await phoneCrypto.open(stored(forged))).toBeNull();
  });

  it('refuses a set signed by a member but sealed under another sync key', async () => {
    const { phoneCrypto, laptop, lookup } = await twoDevices();
    const outsider = await createSyncCrypto({ device: laptop, team, epoch: 1, syncKey: newSyncKey() }, lookup);
    expect(await phoneCrypto.open(stored(await outsider.seal(entry(), team)))).toBeNull();
  });

  it('never throws on malformed input from the relay', async () => {
    const { phoneCrypto, laptopCrypto } = await twoDevices();
    const envelope = await laptopCrypto.seal(entry(), team);
    const junk: unknown[] = [null, 42, 'set', {}, { ...envelope }, { ...stored(envelope), items: [] }, { ...stored(envelope), items: [{ ...envelope.items[0], ct: '!!' }] }];
    for (const value of junk) expect(await phoneCrypto.open(value as StoredSet)).toBeNull();
  });

  it('signs the relay challenge with the device key', async () => {
    const { laptopCrypto, laptop } = await twoDevices();
    const message = new TextEncoder().encode('challenge');
    const sig = await laptopCrypto.signChallenge(message);
    const key = await globalThis.crypto.subtle.importKey('raw', laptop.publicKey, { name: 'Ed25519' }, false, ['verify']);
    expect(await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(sig), message)).toBe(true);
  });
});
