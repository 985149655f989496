/**
 * Devices check the team's roles again on receipt: a set the relay stored although the signer's
 * role forbids it (a relay that does not enforce roles) is never applied.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSyncEngine } from '../../core/sync/engine/engine';
import type { SyncDeviceKeys } from '../../core/sync/device-keys';
import { admitsSet } from '../../core/team/receipt';
import { entryHash } from '../../core/team/encoding';
import { buildConfirm, buildGenesis, buildInvite, buildJoin } from '../../core/team/build';
import type { InviteRole } from '../../core/team/roles';
import type { TeamEntry } from '../../core/team/schemas';
import { validateLog } from '../../core/team/validate';
import { connectDevice } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestSyncDevice, type Directory, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId, newTeamKey } from './support/test-device';

/** The sync device's signing key with an X25519 pair beside it, as the log names a device. */
const teamKeysOf = async (sync: TestSyncDevice): Promise<SyncDeviceKeys> => {
  const pair = (await globalThis.crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  return {
    signing: sync.device.keys, agreementPrivateKey: pair.privateKey,
    agreementPublicKey: new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey)),
  };
};

let relay: TestRelay;
beforeEach(async () => { relay = await startTestRelay(); });
afterEach(async () => { await relay.dispose(); });

it('a device does not apply a set whose signer\'s role forbids it, even when the relay stored it', async () => {
  const team = newTeamId();
  const directory: Directory = new Map();
  const owner = await createTestSyncDevice(team, relay.url, directory);
  const reader = await createTestSyncDevice(team, relay.url, directory);
  const writer = await createTestSyncDevice(team, relay.url, directory);
  // The relay knows these devices only through the device list, so it enforces no role on them.
  const client = await connectDevice(relay.url, owner.device, 'register');
  for (const other of [reader, writer]) expect((await client.addDevice(other.device)).status).toBe(200);

  const ownerKeys = await teamKeysOf(owner);
  const teamKey = newTeamKey();
  const genesis = await buildGenesis(team, ownerKeys, { name: 'Owner', email: '' }, systemClock, teamKey);
  const entries: TeamEntry[] = [genesis.entry];
  const stateNow = async () => {
    const validated = await validateLog(entries, { clock: systemClock });
    if (!validated.ok) throw new Error(JSON.stringify(validated.error));
    return validated.value;
  };
  const addToLog = async (sync: TestSyncDevice, role: InviteRole) => {
    const invite = await buildInvite(await stateNow(), ownerKeys, teamKey, { role, canExport: false, profile: { name: role, email: '' } }, systemClock);
    entries.push(invite.entry);
    if (invite.entry.body.type !== 'invite') throw new Error('expected an invite');
    const join = await buildJoin(team, (await stateNow()).head, { inviteId: invite.entry.body.inviteId, member: invite.member }, invite.secret, await teamKeysOf(sync), role, systemClock);
    entries.push(join);
    entries.push(await buildConfirm(await stateNow(), ownerKeys, teamKey, await entryHash(join), systemClock));
  };
  await addToLog(reader, 'read-only');
  await addToLog(writer, 'standard');
  const state = await stateNow();

  const forbidden = reader.replica.write('written by a read-only member');
  const allowed = writer.replica.write('written by a standard member');
  for (const sync of [reader, writer]) {
    const engine = sync.newEngine();
    engine.start();
    expect(await engine.syncNow()).toEqual({ ok: true, value: undefined });
    await engine.stop();
  }

  const checking = createSyncEngine({
    transport: owner.transport, replica: owner.replica, crypto: owner.crypto, team, clock: systemClock, random: Math.random,
    admits: (set) => admitsSet(state, set),
  });
  checking.start();
  expect(await checking.syncNow()).toEqual({ ok: true, value: undefined });
  expect(owner.replica.sets().has(allowed.setId)).toBe(true);
  expect(owner.replica.sets().has(forbidden.setId)).toBe(false);
  expect(checking.rejectedSets()).toBe(1);
  await checking.stop();
});
