/**
 * A device as sync runs it, in Node: the real replica on its own fake IndexedDB (with the store
 * that writes it), the real SyncCrypto over device keys and the account's sync key, and an
 * engine over the real relay's transport. The account's device list is a shared map here.
 */
import { createManualClock, systemClock } from '../../../core/clock';
import { createSyncEngine, type SyncEngine } from '../../../core/sync/engine/engine';
import { generateSyncDeviceKeys } from '../../../core/sync/device-keys';
import { createSyncCrypto, type SignerLookup } from '../../../core/sync/envelopes';
import { FIRST_EPOCH } from '../../../core/sync/item-crypto';
import type { SyncCrypto } from '../../../core/sync/ports';
import type { Bytes } from '../../../core/vault/types';
import { device, type Device } from '../../unit/replica/replica-harness';
import { createSwitchableTransport } from './sync-test-deps';
import type { TestDevice } from './test-device';

/** The account as its devices share it: team, sync key, and each device's signing key by id. */
export interface TestSyncAccount {
  readonly team: string;
  readonly syncKey: Bytes;
  readonly devices: Map<string, { readonly publicKey: Uint8Array; removed: boolean }>;
}

export interface ReplicaSyncDevice extends Device {
  readonly crypto: SyncCrypto;
  /** The same keys as a relay test device, to register or enroll it with the relay's test client. */
  readonly relayDevice: TestDevice;
  readonly newEngine: () => SyncEngine;
}

/** What every device's SyncCrypto verifies signers against, unless a test passes its own. */
export const accountLookup = (account: TestSyncAccount): SignerLookup => async (deviceId) => {
  const known = account.devices.get(deviceId);
  return known && !known.removed ? known.publicKey : null;
};

export const replicaSyncDevice = async (
  name: string, account: TestSyncAccount, relayUrl: string, lookup: SignerLookup = accountLookup(account),
): Promise<ReplicaSyncDevice> => {
  // Stamps near now: the relay refuses sets stamped far ahead of its clock.
  const local = await device(name, createManualClock(Date.now()));
  const { keys } = await generateSyncDeviceKeys();
  account.devices.set(keys.signing.deviceId, { publicKey: keys.signing.publicKey, removed: false });
  const crypto = await createSyncCrypto({ device: keys.signing, team: account.team, epoch: FIRST_EPOCH, syncKey: account.syncKey }, lookup);
  const transport = createSwitchableTransport(relayUrl);
  const relayDevice: TestDevice = {
    keys: keys.signing, team: account.team,
    nextSet: () => { throw new Error('This device writes through its store'); },
  };
  return {
    ...local, crypto, relayDevice,
    newEngine: () => createSyncEngine({ transport, replica: local.replica, crypto, team: account.team, clock: systemClock, random: Math.random }),
  };
};
