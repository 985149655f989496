import { describe, expect, it } from 'vitest';
import { buildEntry, buildInvite, buildJoin, buildRemoval, signEntry } from '../../../core/team/build';
import { openProfile } from '../../../core/team/directory';
import { entryHash } from '../../../core/team/encoding';
import { joinFingerprint } from '../../../core/team/fingerprint';
import { openTeamKeys } from '../../../core/team/keyring';
import type { TeamEntry } from '../../../core/team/schemas';
import { deviceRole } from '../../../core/team/state';
import { teamDeviceOf } from '../../../core/team/build';
import { validateLog } from '../../../core/team/validate';
import { addMember, append, DAY, inviteIdOf, newKeys, newTeamWorld, removeMember, roleOf, tryAppend, type TeamWorld } from './team-harness';

const agreementOf = (keys: Awaited<ReturnType<typeof newKeys>>) => ({
  deviceId: keys.signing.deviceId, agreementPrivateKey: keys.agreementPrivateKey, agreementPublicKey: keys.agreementPublicKey,
});

const inviteFor = async (world: TeamWorld, role: 'read-only' | 'standard' | 'admin', by = world.owner) => {
  const invite = await buildInvite(world.state, by.keys, world.teamKey, { role, canExport: false, profile: { name: 'New', email: 'n@example.com' } }, world.clock);
  await append(world, invite.entry);
  return { ...invite, inviteId: inviteIdOf(invite.entry) };
};

describe('the membership log', () => {
  it('gives every device the same roles, keys and names when it validates the whole log', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    const standard = await addMember(world, 'standard', admin, true);
    const validated = await validateLog(world.entries, { clock: world.clock });
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    expect(validated.value.head).toEqual(world.state.head);
    expect(deviceRole(validated.value, admin.keys.signing.deviceId)).toBe('admin');
    expect(deviceRole(validated.value, standard.keys.signing.deviceId)).toBe('standard');
    expect(validated.value.members.get(standard.member)?.canExport).toBe(true);
    const keys = await openTeamKeys(validated.value, agreementOf(standard.keys));
    expect(keys.get(1)).toEqual(world.teamKey);
    const profile = validated.value.members.get(standard.member)?.profile;
    expect(profile && (await openProfile(world.team, standard.member, profile, world.teamKey))).toEqual({ name: 'A standard', email: 'm@example.com' });
    // The relay's view: ids, keys and roles, never the names.
    expect(JSON.stringify(world.entries)).not.toContain('A standard');
    expect(JSON.stringify(world.entries)).not.toContain('olivia@example.com');
  });

  it('refuses an entry whose signature does not match its content, or made with another key', async () => {
    const world = await newTeamWorld();
    const invite = await buildInvite(world.state, world.owner.keys, world.teamKey, { role: 'standard', canExport: false, profile: { name: 'x', email: '' } }, world.clock);
    const altered = { ...invite.entry, body: { ...invite.entry.body, role: 'admin' } } as TeamEntry;
    expect(await tryAppend(world, altered)).toMatchObject({ type: 'forged-signature', seq: 2 });
    const stranger = await newKeys();
    const { sig: _sig, ...unsigned } = invite.entry;
    expect(await tryAppend(world, { ...(await signEntry(stranger, unsigned)), signer: world.owner.keys.signing.deviceId })).toMatchObject({ type: 'forged-signature' });
    expect(await tryAppend(world, await signEntry(stranger, { ...unsigned, signer: stranger.signing.deviceId }))).toMatchObject({ type: 'unknown-signer' });
  });

  it('refuses an entry built on a head that has moved on, and one that follows another entry at the head (a fork)', async () => {
    const world = await newTeamWorld();
    const before = world.state;
    const first = await buildInvite(before, world.owner.keys, world.teamKey, { role: 'standard', canExport: false, profile: { name: 'a', email: '' } }, world.clock);
    const second = await buildInvite(before, world.owner.keys, world.teamKey, { role: 'standard', canExport: false, profile: { name: 'b', email: '' } }, world.clock);
    await append(world, first.entry);
    expect(await tryAppend(world, second.entry)).toMatchObject({ type: 'stale-head', seq: 2 });
    const forked = await signEntry(world.owner.keys, { ...second.entry, seq: 3 });
    expect(await tryAppend(world, forked)).toMatchObject({ type: 'fork', seq: 3 });
  });

  it('finds a fork when the log a device is shown differs from what it validated before', async () => {
    const world = await newTeamWorld();
    await inviteFor(world, 'standard');
    const seen = { seq: world.state.head.seq, hash: world.state.head.hash };
    const other = await newTeamWorld();
    const rewritten = [world.entries[0]!, (await buildInvite(
      { ...world.state, head: { seq: 1, hash: await entryHash(world.entries[0]!), at: world.entries[0]!.at } },
      world.owner.keys, world.teamKey, { role: 'read-only', canExport: false, profile: { name: 'c', email: '' } }, world.clock,
    )).entry];
    expect(await validateLog(rewritten, { clock: world.clock, known: seen })).toMatchObject({ ok: false, error: { type: 'fork', seq: 2 } });
    expect(await validateLog(world.entries.slice(0, 1), { clock: world.clock, known: seen })).toMatchObject({ ok: false, error: { type: 'fork' } });
    expect(await validateLog([...world.entries, ...other.entries.slice(0, 1)], { clock: world.clock })).toMatchObject({ ok: false, error: { type: 'wrong-team' } });
  });

  it('refuses an invite from a standard member, and an admin making an admin', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    const standard = await addMember(world, 'standard', admin);
    const byStandard = await buildInvite(world.state, standard.keys, world.teamKey, { role: 'read-only', canExport: false, profile: { name: 'r', email: '' } }, world.clock);
    expect(await tryAppend(world, byStandard.entry)).toMatchObject({ type: 'role-forbidden', detail: 'standard may not invite' });
    const adminByAdmin = await buildInvite(world.state, admin.keys, world.teamKey, { role: 'admin', canExport: false, profile: { name: 'a', email: '' } }, world.clock);
    expect(await tryAppend(world, adminByAdmin.entry)).toMatchObject({ type: 'role-forbidden', detail: 'admin may not invite' });
    const promote = await buildEntry(world.state, admin.keys, { type: 'change-role', member: standard.member, role: 'admin', canExport: false }, world.clock);
    expect(await tryAppend(world, promote)).toMatchObject({ type: 'role-forbidden', detail: 'admin may not change-role' });
    await append(world, await buildEntry(world.state, world.owner.keys, { type: 'change-role', member: standard.member, role: 'admin', canExport: true }, world.clock));
    expect(roleOf(world, standard.member)).toBe('admin');
  });

  it('refuses a second join on one invite, and a join after the invite expired (by the injected clock)', async () => {
    const world = await newTeamWorld();
    const invite = await inviteFor(world, 'standard');
    const join = (keys: Awaited<ReturnType<typeof newKeys>>) =>
      buildJoin(world.team, world.state.head, { inviteId: invite.inviteId, member: invite.member }, invite.secret, keys, 'standard', world.clock);
    await append(world, await join(await newKeys()));
    expect(await tryAppend(world, await join(await newKeys()))).toMatchObject({ type: 'invite-used' });

    const late = await inviteFor(world, 'read-only');
    world.clock.advance(7 * DAY + 1);
    const tooLate = await buildJoin(world.team, world.state.head, { inviteId: late.inviteId, member: late.member }, late.secret, await newKeys(), 'read-only', world.clock);
    expect(await tryAppend(world, tooLate)).toMatchObject({ type: 'invite-expired' });
  });

  it('dates a join from a device whose clock is behind no earlier than the head it follows', async () => {
    const world = await newTeamWorld();
    const invite = await inviteFor(world, 'standard');
    const behind = { now: () => world.clock.now() - 10 * 60 * 1000 };
    const join = await buildJoin(world.team, world.state.head, { inviteId: invite.inviteId, member: invite.member }, invite.secret, await newKeys(), 'standard', behind);
    expect(join.at).toBe(world.state.head.at);
    expect(await tryAppend(world, join)).toBeNull();
  });

  it('refuses a join that claims a higher role than its invite', async () => {
    const world = await newTeamWorld();
    const invite = await inviteFor(world, 'read-only');
    const join = await buildJoin(world.team, world.state.head, { inviteId: invite.inviteId, member: invite.member }, invite.secret, await newKeys(), 'admin', world.clock);
    expect(await tryAppend(world, join)).toMatchObject({ type: 'role-escalation', detail: 'invited as read-only, claims admin' });
  });

  it('catches a relay that swaps the joining device\'s keys for its own, and the phrase both sides compare differs', async () => {
    const world = await newTeamWorld();
    const invite = await inviteFor(world, 'standard');
    const invitee = await newKeys();
    const join = await buildJoin(world.team, world.state.head, { inviteId: invite.inviteId, member: invite.member }, invite.secret, invitee, 'standard', world.clock);
    const relayKeys = await newKeys();
    // The relay re-signs the join with its own device key; it cannot make the invite signature.
    const { sig: _sig, inviteSig, ...unsigned } = join;
    const swapped = await signEntry(relayKeys, { ...unsigned, signer: relayKeys.signing.deviceId, body: { ...unsigned.body, device: teamDeviceOf(relayKeys) } as TeamEntry['body'] });
    expect(await tryAppend(world, { ...swapped, ...(inviteSig ? { inviteSig } : {}) })).toMatchObject({ type: 'device-key-substituted' });
    expect(await tryAppend(world, swapped)).toMatchObject({ type: 'device-key-substituted' });
    expect(await joinFingerprint(world.team, invite.inviteId, teamDeviceOf(relayKeys)))
      .not.toEqual(await joinFingerprint(world.team, invite.inviteId, teamDeviceOf(invitee)));
    await append(world, join);
  });

  it('removes a member and rotates the key in one entry: the removed device opens nothing newer, the others open every epoch', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    const leaver = await addMember(world, 'standard');
    const firstKey = world.teamKey;
    await removeMember(world, leaver.member, admin);
    expect(world.state.epoch).toBe(2);
    expect(deviceRole(world.state, leaver.keys.signing.deviceId)).toBeNull();
    expect([...(await openTeamKeys(world.state, agreementOf(leaver.keys))).keys()]).toEqual([1]);
    const adminKeys = await openTeamKeys(world.state, agreementOf(admin.keys));
    expect(adminKeys.get(2)).toEqual(world.teamKey);
    expect(adminKeys.get(1)).toEqual(firstKey);
    const late = await addMember(world, 'read-only');
    expect((await openTeamKeys(world.state, agreementOf(late.keys))).get(1)).toEqual(firstKey);
    const fromRemoved = await buildEntry(world.state, leaver.keys, { type: 'require-two-factor', required: true }, world.clock);
    expect(await tryAppend(world, fromRemoved)).toMatchObject({ type: 'signer-removed' });
  });

  it('refuses a removal whose rotation leaves out a remaining device, or carries no new epoch', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    const leaver = await addMember(world, 'read-only');
    const removal = await buildRemoval(world.state, world.owner.keys, world.teamKey, leaver.member, world.clock);
    if (removal.entry.body.type !== 'remove-member') throw new Error('expected a removal');
    const { rotation } = removal.entry.body;
    const { sig: _sig, ...unsigned } = removal.entry;
    const without = rotation.sealed.filter((sealed) => sealed.device !== admin.keys.signing.deviceId);
    expect(await tryAppend(world, await signEntry(world.owner.keys, { ...unsigned, body: { ...removal.entry.body, rotation: { ...rotation, sealed: without } } })))
      .toMatchObject({ type: 'key-grant' });
    expect(await tryAppend(world, await signEntry(world.owner.keys, { ...unsigned, body: { ...removal.entry.body, rotation: { ...rotation, epoch: 1 } } })))
      .toMatchObject({ type: 'key-grant' });
    const byAdmin = await buildRemoval(world.state, admin.keys, world.teamKey, world.owner.member, world.clock);
    expect(await tryAppend(world, byAdmin.entry)).toMatchObject({ type: 'role-forbidden' });
  });

  it('lets only the owner transfer ownership or require two-factor; the old owner becomes an admin', async () => {
    const world = await newTeamWorld();
    const admin = await addMember(world, 'admin');
    expect(await tryAppend(world, await buildEntry(world.state, admin.keys, { type: 'require-two-factor', required: true }, world.clock)))
      .toMatchObject({ type: 'role-forbidden' });
    expect(await tryAppend(world, await buildEntry(world.state, admin.keys, { type: 'transfer-ownership', member: admin.member }, world.clock)))
      .toMatchObject({ type: 'role-forbidden' });
    await append(world, await buildEntry(world.state, world.owner.keys, { type: 'require-two-factor', required: true }, world.clock));
    await append(world, await buildEntry(world.state, world.owner.keys, { type: 'transfer-ownership', member: admin.member }, world.clock));
    expect(world.state.twoFactorRequired).toBe(true);
    expect(roleOf(world, admin.member)).toBe('owner');
    expect(roleOf(world, world.owner.member)).toBe('admin');
  });

  it('refuses an entry dated in the future, and the relay refuses a backdated one', async () => {
    const world = await newTeamWorld();
    const ahead = { now: () => world.clock.now() + 2 * 60 * 60 * 1000 };
    const future = await buildEntry(world.state, world.owner.keys, { type: 'require-two-factor', required: true }, ahead);
    expect(await tryAppend(world, future)).toMatchObject({ type: 'clock', detail: 'dated in the future' });
    const now = await buildEntry(world.state, world.owner.keys, { type: 'require-two-factor', required: true }, world.clock);
    world.clock.advance(2 * 60 * 60 * 1000);
    expect(await tryAppend(world, now)).toMatchObject({ type: 'clock', detail: 'dated in the past' });
    // Replaying history is not a fresh append: the same entry is valid in a log read later.
    expect(await tryAppend(world, now, false)).toBeNull();
  });
});
