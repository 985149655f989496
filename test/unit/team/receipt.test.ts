import { describe, expect, it } from 'vitest';
import { buildEntry, buildInvite, buildJoin } from '../../../core/team/build';
import { admitsSet } from '../../../core/team/receipt';
import type { PushedSet } from '../../../core/team/roles';
import { addMember, append, inviteIdOf, newKeys, newTeamWorld, removeMember } from './team-harness';

const create: PushedSet = { items: [{ op: 'create', kind: 'person' }] };
const restore: PushedSet = { items: [{ op: 'restore', kind: 'person' }] };
const from = (keys: Awaited<ReturnType<typeof newKeys>>, set: PushedSet) => ({ device: keys.signing.deviceId, ...set });

describe('a device checking a pulled set against the team log', () => {
  it('refuses what the signer\'s role never allowed, and keeps what it allowed when it was pushed', async () => {
    const world = await newTeamWorld();
    const reader = await addMember(world, 'read-only');
    const standard = await addMember(world, 'standard');
    const admin = await addMember(world, 'admin');
    expect(admitsSet(world.state, from(reader.keys, create))).toBe(false);
    expect(admitsSet(world.state, from(standard.keys, create))).toBe(true);
    expect(admitsSet(world.state, from(standard.keys, restore))).toBe(false);
    expect(admitsSet(world.state, from(admin.keys, restore))).toBe(true);
    // Demoted later, or removed: the sets the relay took before still apply on every device alike.
    await append(world, await buildEntry(world.state, world.owner.keys, { type: 'change-role', member: admin.member, role: 'read-only', canExport: false }, world.clock));
    await removeMember(world, standard.member);
    expect(admitsSet(world.state, from(admin.keys, restore))).toBe(true);
    expect(admitsSet(world.state, from(standard.keys, create))).toBe(true);
    expect(admitsSet(world.state, from(reader.keys, create))).toBe(false);
  });

  it('refuses every set from a device still waiting for an admin\'s confirmation', async () => {
    const world = await newTeamWorld();
    const invite = await buildInvite(world.state, world.owner.keys, world.teamKey, { role: 'admin', canExport: false, profile: { name: 'p', email: '' } }, world.clock);
    await append(world, invite.entry);
    const keys = await newKeys();
    await append(world, await buildJoin(world.team, world.state.head, { inviteId: inviteIdOf(invite.entry), member: invite.member }, invite.secret, keys, 'admin', world.clock));
    expect(admitsSet(world.state, from(keys, create))).toBe(false);
  });
});
