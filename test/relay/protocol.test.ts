import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EnvelopeSchema, HelloFrameSchema, PushRequestSchema, type UnsignedEnvelope } from '../../core/sync/protocol';
import {
  deviceIdFromPublicKey, encodeSetForSigning, generateDeviceKeys, signSet, verifySet,
} from '../../core/sync/signing';
import { toHex } from '../../core/vault/bytes';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const vectorSet: UnsignedEnvelope = {
  v: 1, team: 'AAAAAAAAAAAAAAAAAAAAAA', setId: '1767225600000-00001-BBBBBBBBBBBBBBBBBBBBBB', device: 'BBBBBBBBBBBBBBBBBBBBBB',
  clientSeq: 1, prevSetId: null, epoch: 1,
  items: [{ recordId: '0194a3b0-0000-7000-8000-000000000001', kind: 'person', op: 'create', h: 'A'.repeat(43) }],
};

describe('the canonical set encoding', () => {
  // Committed vectors: the extension and the relay sign and verify these exact bytes; a change here breaks every stored signature.
  it('matches the committed byte vector', () => {
    expect(toHex(encodeSetForSigning(vectorSet))).toBe(
      '0000000d6c6f636b65742f7365742f76310000000100000016414141414141414141414141414141414141414141410000002a3137363732323536'
      + '30303030302d30303030312d42424242424242424242424242424242424242424242000000164242424242424242424242424242424242424242'
      + '424200000000000000010000000000000000010000000000010000002430313934613362302d303030302d373030302d383030302d30303030'
      + '303030303030303100000006706572736f6e00000006637265617465000000200000000000000000000000000000000000000000000000000000'
      + '000000000000',
    );
  });

  it('matches the committed digest with optional fields present', async () => {
    const bytes = encodeSetForSigning({ ...vectorSet, batchId: 'b1', prevSetId: '1767225600000-00000-BBBBBBBBBBBBBBBBBBBBBB' });
    expect(toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))).toBe('850bb6c950bf4fb17b6228105ddf7b9354154712c813663f2e1c10254689b038');
  });

  it('does not depend on the order of keys in the object', () => {
    const reordered = Object.fromEntries(Object.entries(vectorSet).reverse()) as UnsignedEnvelope;
    expect(toHex(encodeSetForSigning(reordered))).toBe(toHex(encodeSetForSigning(vectorSet)));
  });

  it('separates a missing optional field from an empty one', () => {
    expect(toHex(encodeSetForSigning({ ...vectorSet, batchId: '' }))).not.toBe(toHex(encodeSetForSigning(vectorSet)));
  });
});

describe('device signatures', () => {
  it('derives a 22-character device id from the public key', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await deviceIdFromPublicKey(keys.publicKey)).toBe(keys.deviceId);
  });

  it('verifies a signed set and refuses any altered signed field or another key', async () => {
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const set = await device.nextSet(['hello']);
    expect(v.safeParse(EnvelopeSchema, set).success).toBe(true);
    expect(await verifySet(device.keys.publicKey, set)).toBe(true);
    expect(await verifySet(device.keys.publicKey, { ...set, clientSeq: 2 })).toBe(false);
    expect(await verifySet(device.keys.publicKey, { ...set, items: [{ ...set.items[0]!, op: 'purge' }] })).toBe(false);
    const other = await generateDeviceKeys();
    expect(await verifySet(other.publicKey, set)).toBe(false);
  });

  it('keeps verifying when an item loses its ciphertext (the relay may drop a purged item\'s ct)', async () => {
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const set = await device.nextSet(['hello']);
    const { ct: _dropped, ...withoutCt } = set.items[0]!;
    expect(await verifySet(device.keys.publicKey, { ...set, items: [withoutCt] })).toBe(true);
  });

  it('signs with a key made by signSet directly', async () => {
    const keys = await generateDeviceKeys();
    const signed = await signSet(keys.privateKey, { ...vectorSet, device: keys.deviceId });
    expect(await verifySet(keys.publicKey, signed)).toBe(true);
  });
});

describe('message schemas', () => {
  it('refuses unknown fields, bad ids and oversized pushes', async () => {
    const device = await createTestDevice(newTeamId(), newTeamKey());
    const set = await device.nextSet(['x']);
    expect(v.safeParse(EnvelopeSchema, { ...set, extra: 1 }).success).toBe(false);
    expect(v.safeParse(EnvelopeSchema, { ...set, clientSeq: 0 }).success).toBe(false);
    expect(v.safeParse(EnvelopeSchema, { ...set, setId: 'yesterday' }).success).toBe(false);
    expect(v.safeParse(EnvelopeSchema, { ...set, items: [] }).success).toBe(false);
    expect(v.safeParse(PushRequestSchema, { reqId: 'r', sets: Array.from({ length: 101 }, () => set) }).success).toBe(false);
    expect(v.safeParse(HelloFrameSchema, { type: 'hello', v: 1, token: 'not base64!' }).success).toBe(false);
  });
});
