/**
 * The relay's team log store on every driver: compare-and-append (of two entries built on one
 * head, exactly one is stored, even when they race), the roles it derives, and removal marking
 * the member's devices removed in the same transaction.
 */
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { generateSyncDeviceKeys } from '../../core/sync/device-keys';
import { buildConfirm, buildGenesis, buildInvite, buildJoin, buildRemoval } from '../../core/team/build';
import { entryHash } from '../../core/team/encoding';
import type { TeamState } from '../../core/team/state';
import { validateLog } from '../../core/team/validate';
import { createRelayStore, type RelayStore } from '../../relay/store/store';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { newTeamId } from './support/test-device';

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

for (const factory of drivers) describeDriver(factory, ({ open }) => {
  let store: RelayStore;
  const clock = createManualClock(Date.UTC(2026, 11, 6, 9));

  beforeEach(async () => {
    store = createRelayStore(await open(), { clock });
    await store.migrate();
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await store.close(); });

  const stateOf = async (team: string): Promise<TeamState> => {
    const validated = await validateLog((await store.readTeamLog(team, 0)).entries, { clock });
    if (!validated.ok) throw new Error(JSON.stringify(validated.error));
    return validated.value;
  };

  it('stores one of two entries raced onto one head, derives roles, and removes a member\'s devices with the rotation', async () => {
    const team = newTeamId();
    const owner = (await generateSyncDeviceKeys()).keys;
    expect(await store.createTeam(team, owner.signing.deviceId, owner.signing.publicKey)).toBe('created');
    const genesis = await buildGenesis(team, owner, { name: 'O', email: '' }, clock);
    expect(await store.appendTeamEntry(team, genesis.entry)).toMatchObject({ kind: 'appended', seq: 1 });
    expect(await store.deviceAccess(team, owner.signing.deviceId)).toEqual({ role: 'owner' });

    const state = await stateOf(team);
    const invites = await Promise.all(['a', 'b'].map((name) =>
      buildInvite(state, owner, genesis.teamKey, { role: 'read-only', canExport: false, profile: { name, email: '' } }, clock)));
    const raced = await Promise.all(invites.map((invite) => store.appendTeamEntry(team, invite.entry)));
    expect(raced.map((outcome) => outcome.kind).sort()).toEqual(['appended', 'refused']);
    expect(raced.find((outcome) => outcome.kind === 'refused')).toMatchObject({ refusal: { type: 'stale-head' } });
    expect((await store.readTeamLog(team, 0)).head.seq).toBe(2);

    const winner = invites[raced.findIndex((outcome) => outcome.kind === 'appended')]!;
    if (winner.entry.body.type !== 'invite') throw new Error('expected an invite');
    const member = (await generateSyncDeviceKeys()).keys;
    const join = await buildJoin(team, (await stateOf(team)).head, { inviteId: winner.entry.body.inviteId, member: winner.member }, winner.secret, member, 'read-only', clock);
    expect(await store.appendTeamEntry(team, join)).toMatchObject({ kind: 'appended' });
    expect(await store.getDevice(team, member.signing.deviceId)).toBeUndefined();
    expect(await store.appendTeamEntry(team, await buildConfirm(await stateOf(team), owner, genesis.teamKey, await entryHash(join), clock))).toMatchObject({ kind: 'appended' });
    expect(await store.getDevice(team, member.signing.deviceId)).toMatchObject({ removed: false });
    expect(await store.deviceAccess(team, member.signing.deviceId)).toEqual({ role: 'read-only' });

    const removal = await buildRemoval(await stateOf(team), owner, genesis.teamKey, winner.member, clock);
    expect(await store.appendTeamEntry(team, removal.entry)).toMatchObject({ kind: 'appended', removedDevices: [member.signing.deviceId] });
    expect(await store.getDevice(team, member.signing.deviceId)).toMatchObject({ removed: true });
    expect(await store.appendTeamEntry(newTeamId(), removal.entry)).toEqual({ kind: 'unknown_team' });
  });
});
