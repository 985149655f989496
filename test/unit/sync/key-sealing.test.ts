import { describe, expect, it } from 'vitest';
import { generateSyncDeviceKeys, importDeviceKeys } from '../../../core/sync/device-keys';
import { newSyncKey } from '../../../core/sync/item-crypto';
import { openSyncKey, sealSyncKey, type KeyRecipient } from '../../../core/sync/key-sealing';
import { deviceIdFromPublicKey, signBytes, verifyBytes } from '../../../core/sync/signing';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';

const recipientOf = (deviceId: string): KeyRecipient => ({ team: 'T'.repeat(22), epoch: 1, deviceId });

describe('device keys', () => {
  it('draws an Ed25519 and an X25519 pair whose export imports back to working, non-extractable keys', async () => {
    const { keys, exported } = await generateSyncDeviceKeys();
    expect(keys.signing.deviceId).toBe(await deviceIdFromPublicKey(exported.signingPublicKey));
    expect(keys.signing.privateKey.extractable).toBe(false);
    expect(keys.agreementPrivateKey.extractable).toBe(false);
    const again = await importDeviceKeys(exported);
    const message = new TextEncoder().encode('hello');
    expect(await verifyBytes(keys.signing.publicKey, await signBytes(again.signing.privateKey, message), message)).toBe(true);
    const syncKey = newSyncKey();
    const sealed = await sealSyncKey(syncKey, recipientOf(keys.signing.deviceId), keys.agreementPublicKey);
    expect(await openSyncKey(sealed, recipientOf(keys.signing.deviceId), { privateKey: again.agreementPrivateKey, publicKey: again.agreementPublicKey })).toEqual(syncKey);
  });
});

describe('sealing the sync key to a device', () => {
  it('opens only on that device, for that team, epoch and device id', async () => {
    const { keys } = await generateSyncDeviceKeys();
    const { keys: other } = await generateSyncDeviceKeys();
    const me = { privateKey: keys.agreementPrivateKey, publicKey: keys.agreementPublicKey };
    const recipient = recipientOf(keys.signing.deviceId);
    const syncKey = newSyncKey();
    const sealed = await sealSyncKey(syncKey, recipient, keys.agreementPublicKey);
    expect(sealed.ct).not.toContain(toBase64Url(syncKey));
    expect(await openSyncKey(sealed, recipient, me)).toEqual(syncKey);
    expect(await openSyncKey(sealed, recipient, { privateKey: other.agreementPrivateKey, publicKey: other.agreementPublicKey })).toBeNull();
    expect(await openSyncKey(sealed, { ...recipient, epoch: 2 }, me)).toBeNull();
    expect(await openSyncKey(sealed, { ...recipient, team: 'U'.repeat(22) }, me)).toBeNull();
    expect(await openSyncKey(sealed, { ...recipient, deviceId: other.signing.deviceId }, me)).toBeNull();
  });

  it('refuses an altered ciphertext or a swapped ephemeral key, without throwing', async () => {
    const { keys } = await generateSyncDeviceKeys();
    const me = { privateKey: keys.agreementPrivateKey, publicKey: keys.agreementPublicKey };
    const recipient = recipientOf(keys.signing.deviceId);
    const sealed = await sealSyncKey(newSyncKey(), recipient, keys.agreementPublicKey);
    const ct = fromBase64Url(sealed.ct)!;
    ct[15] = (ct[15] ?? 0) ^ 1;
    const otherEph = (await sealSyncKey(newSyncKey(), recipient, keys.agreementPublicKey)).eph;
    for (const bad of [{ ...sealed, ct: toBase64Url(ct) }, { ...sealed, eph: otherEph }, { ...sealed, eph: 'short' }, { eph: sealed.eph, ct: '' }]) {
      expect(await openSyncKey(bad, recipient, me)).toBeNull();
    }
  });

  it('draws a fresh ephemeral key every time', async () => {
    const { keys } = await generateSyncDeviceKeys();
    const syncKey = newSyncKey();
    const one = await sealSyncKey(syncKey, recipientOf(keys.signing.deviceId), keys.agreementPublicKey);
    const two = await sealSyncKey(syncKey, recipientOf(keys.signing.deviceId), keys.agreementPublicKey);
    expect(one.eph).not.toBe(two.eph);
  });
});
