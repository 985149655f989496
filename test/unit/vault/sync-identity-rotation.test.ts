import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../core/security/base64url';
import { createIdentityStore } from '../../../core/sync-account/identity-store';
import { createSyncAccount } from '../../../core/sync-account/sync-account';
import { generateSyncDeviceKeys } from '../../../core/sync/device-keys';
import { FIRST_EPOCH, newSyncKey } from '../../../core/sync/item-crypto';
import type { RelayTransport } from '../../../core/sync/ports';
import { verifyBytes } from '../../../core/sync/signing';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import type { UnlockedKeys } from '../../../core/vault/types';
import type { AccessHarness } from './access-harness';
import { auditLogFor, populatedAccount, removeRedKey, unlockAfterKeyChange, unlockAgain } from './rotation-fixture';

const syncAccountFor = (harness: AccessHarness, keys: UnlockedKeys) => createSyncAccount({
  db: harness.db, codec: createAesGcmCodec(keys.accountKey), audit: auditLogFor(harness, keys), author: 'owner', clock: harness.clock,
  // No relay is reached here: crypto() only names the transport it would use.
  transportFor: () => ({}) as RelayTransport,
});

describe('a change of account key keeps the device connected to sync', () => {
  it('after removing a security key, the sync identity still opens and signs as the same device', async () => {
    const account = await populatedAccount();
    const { harness, keys } = account;
    const { keys: deviceKeys, exported } = await generateSyncDeviceKeys();
    const syncKey = newSyncKey();
    const identity = { relayUrl: 'https://relay.example', team: 'team-1', deviceId: deviceKeys.signing.deviceId, deviceName: 'Laptop', epoch: FIRST_EPOCH };
    await createIdentityStore(harness.db, createAesGcmCodec(keys.accountKey), auditLogFor(harness, keys), 'owner')
      .commit({ identity: { identity, secrets: { deviceKeys: exported, syncKey } }, devices: [] }, { type: 'sync-connected' });
    expect(await syncAccountFor(harness, keys).crypto()).not.toBeNull();

    const session = await unlockAfterKeyChange(account);
    expect(session.accountKey).not.toEqual(keys.accountKey);

    const crypto = await syncAccountFor(harness, session).crypto();
    expect(crypto?.deviceId).toBe(identity.deviceId);
    const challenge = new TextEncoder().encode('challenge');
    expect(await verifyBytes(deviceKeys.signing.publicKey, toBase64Url(await crypto!.signChallenge(challenge)), challenge)).toBe(true);
    const secrets = await createIdentityStore(harness.db, createAesGcmCodec(session.accountKey), auditLogFor(harness, session), 'owner').secrets();
    expect(secrets?.syncKey).toEqual(syncKey);
    // The old account key no longer opens the device's keys.
    expect(await createIdentityStore(harness.db, createAesGcmCodec(keys.accountKey), auditLogFor(harness, keys), 'owner').secrets()).toBeNull();
  });

  it('keys a page sealed under the old account key just after the change are sealed again at the next unlock', async () => {
    const account = await populatedAccount();
    const { harness, keys } = account;
    await removeRedKey(account);
    // A page still holding the old key joins sync right after the change committed.
    const { keys: deviceKeys, exported } = await generateSyncDeviceKeys();
    const identity = { relayUrl: 'https://relay.example', team: 'team-1', deviceId: deviceKeys.signing.deviceId, deviceName: 'Laptop', epoch: FIRST_EPOCH };
    await createIdentityStore(harness.db, createAesGcmCodec(keys.accountKey), auditLogFor(harness, keys), 'owner')
      .commit({ identity: { identity, secrets: { deviceKeys: exported, syncKey: newSyncKey() } }, devices: [] }, { type: 'sync-connected' });

    const session = await unlockAgain(account);
    expect((await syncAccountFor(harness, session).crypto())?.deviceId).toBe(identity.deviceId);
  });
});

