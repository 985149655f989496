/**
 * The relay enforces the team's roles (issue 13): it refuses pushed sets a member's role may not
 * push, membership entries the signer's role does not allow or not built on the head, joins with
 * swapped keys, and every request from a removed member's device — on SQLite and on PGlite.
 */
import { afterAll, beforeEach, afterEach, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { buildEntry, buildInvite, buildJoin, signEntry, teamDeviceOf } from '../../core/team/build';
import { generateSyncDeviceKeys } from '../../core/sync/device-keys';
import { drivers } from './drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, openSessionRaw, postRaw, refusalOf } from './support/relay-client';
import { newTeamDevice, startRelayTeam, type RelayTeam } from './support/team-client';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';

afterAll(releaseDriverResources);

const resultOf = async (member: Awaited<ReturnType<RelayTeam['addMember']>>, specs: Parameters<typeof member.device.nextSet>[0], undoOf?: string) => {
  const ack = await member.client.push([await member.device.nextSet(specs, undoOf ? { undoOf } : {})]);
  return ack.results[0];
};

const record = (op: 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'erase', kind = 'person') =>
  ({ text: `${op} ${kind}`, recordId: globalThis.crypto.randomUUID(), op, kind });

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open, name }) => {
  let relay: TestRelay;
  let team: RelayTeam;
  beforeEach(async () => {
    relay = name === 'sqlite' ? await startTestRelay() : await startTestRelay({}, undefined, { driver: await open() });
    team = await startRelayTeam(relay.url);
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await relay.dispose(); });

  it('refuses every set a read-only member pushes, and what only admins may push from a standard member', async () => {
    const reader = await team.addMember('read-only');
    expect(await resultOf(reader, [record('create')])).toMatchObject({ error: 'role_forbidden' });

    const standard = await team.addMember('standard');
    expect(await resultOf(standard, [record('create'), record('update'), record('delete')])).toMatchObject({ duplicate: false });
    for (const [specs, undoOf] of [[[record('restore')]], [[record('purge')]], [[record('erase')]], [[record('update', 'settings')]], [[record('delete')], 'import-1']] as const) {
      const fresh = await team.addMember('standard');
      expect(await resultOf(fresh, [...specs], undoOf)).toMatchObject({ error: 'role_forbidden' });
    }

    const admin = await team.addMember('admin');
    expect(await resultOf(admin, [record('restore'), record('update', 'settings')])).toMatchObject({ duplicate: false });
    // Nothing refused reached the log: two accepted sets, from the standard member and the admin.
    expect((await team.owner.client.pullAll(0)).map((set) => set.device)).toEqual([standard.keys.signing.deviceId, admin.keys.signing.deviceId]);
  });

  it('refuses a membership entry the signer\'s role does not allow, one on a stale head, and a join with swapped keys', async () => {
    const standard = await team.addMember('standard');
    const admin = await team.addMember('admin');
    const state = await team.state();
    const byStandard = await buildInvite(state, standard.keys, team.teamKey, { role: 'read-only', canExport: false, profile: { name: 'r', email: '' } }, systemClock);
    const refused = await team.append(standard, byStandard.entry);
    expect([refused.status, refusalOf(refused).error]).toEqual([403, 'role_forbidden']);
    const adminMakesAdmin = await buildEntry(state, admin.keys, { type: 'change-role', member: standard.member, role: 'admin', canExport: false }, systemClock);
    expect(refusalOf(await team.append(admin, adminMakesAdmin)).error).toBe('role_forbidden');

    const first = await buildInvite(state, admin.keys, team.teamKey, { role: 'standard', canExport: false, profile: { name: 'a', email: '' } }, systemClock);
    const second = await buildInvite(state, team.owner.keys, team.teamKey, { role: 'standard', canExport: false, profile: { name: 'b', email: '' } }, systemClock);
    expect((await team.append(admin, first.entry)).status).toBe(200);
    const stale = await team.append(team.owner, second.entry);
    expect([stale.status, refusalOf(stale).error]).toEqual([409, 'stale_head']);

    if (first.entry.body.type !== 'invite') throw new Error('expected an invite');
    const head = await team.state();
    const invitee = await generateSyncDeviceKeys();
    const join = await buildJoin(team.team, head.head, { inviteId: first.entry.body.inviteId, member: first.member }, first.secret, invitee.keys, 'standard', systemClock);
    const relayKeys = (await generateSyncDeviceKeys()).keys;
    const { sig: _sig, ...unsigned } = join;
    const swapped = await signEntry(relayKeys, { ...unsigned, signer: relayKeys.signing.deviceId, body: { ...join.body, device: teamDeviceOf(relayKeys) } as typeof join.body });
    const substituted = await team.join({ ...swapped, ...(join.inviteSig ? { inviteSig: join.inviteSig } : {}) });
    expect([substituted.status, refusalOf(substituted).error, refusalOf(substituted).detail]).toEqual([400, 'invalid_entry', expect.stringContaining('device-key-substituted')]);
    const unknownInvite = await postRaw(`${relay.url}/v1/team/invite`, JSON.stringify({ team: team.team, inviteId: 'A'.repeat(22) }));
    expect([unknownInvite.status, refusalOf(unknownInvite).error]).toEqual([404, 'not_found']);
    expect((await team.join(join)).status).toBe(200);
    const reused = await team.join(join);
    expect([reused.status, refusalOf(reused).error]).toEqual([409, 'stale_head']);
    // Joined but not confirmed: no session, so nothing reaches the device yet.
    const pending = await newTeamDevice(team.team, team.teamKey);
    expect(refusalOf(await openSessionRaw(relay.url, pending.device, 'session')).error).toBe('unknown_device');
  });

  it('refuses a removed member\'s devices at once, and the removal rotated the key in the same entry', async () => {
    const admin = await team.addMember('admin');
    const leaver = await team.addMember('standard');
    expect(await resultOf(leaver, [record('create')])).toMatchObject({ duplicate: false });
    expect((await team.remove(leaver.member, admin)).status).toBe(200);
    const push = await leaver.client.pushRaw({ reqId: 'late', sets: [await leaver.device.nextSet([record('create')])] });
    expect([push.status, refusalOf(push).error]).toEqual([403, 'removed']);
    expect(refusalOf(await leaver.client.pullRaw(0)).error).toBe('removed');
    expect(refusalOf(await openSessionRaw(relay.url, leaver.device, 'session')).error).toBe('removed');
    const state = await team.state();
    expect(state.epoch).toBe(2);
    expect(state.keys[1]?.sealed.map((sealed) => sealed.device).sort()).toEqual([team.owner.keys.signing.deviceId, admin.keys.signing.deviceId].sort());
  });

  it('lets a member remove only their own devices through the device list', async () => {
    const standard = await team.addMember('standard');
    const removeOwner = await standard.client.removeDevice(team.owner.keys.signing.deviceId);
    expect([removeOwner.status, refusalOf(removeOwner).error]).toEqual([403, 'role_forbidden']);
    const second = await newTeamDevice(team.team, team.teamKey);
    expect((await standard.client.addDevice(second.device)).status).toBe(200);
    const secondClient = await connectDevice(relay.url, second.device, 'session');
    // A device a member adds acts with that member's role.
    const ack = await secondClient.push([await second.device.nextSet([record('restore')])]);
    expect(ack.results[0]).toMatchObject({ error: 'role_forbidden' });
    expect((await standard.client.removeDevice(second.keys.signing.deviceId)).status).toBe(200);
    expect((await postRaw(`${relay.url}/v1/team/log`, JSON.stringify({ since: 0 }), secondClient.token())).status).toBe(403);
  });
});
