/**
 * A team built entry by entry through the real builders and the real validator: each `append`
 * admits the entry as the relay would, or throws with the refusal.
 */
import { createManualClock, type ManualClock } from '../../../core/clock';
import { toBase64Url } from '../../../core/security/base64url';
import { generateSyncDeviceKeys, type SyncDeviceKeys } from '../../../core/sync/device-keys';
import { admitEntry } from '../../../core/team/admit';
import { buildConfirm, buildGenesis, buildInvite, buildJoin, buildRemoval } from '../../../core/team/build';
import { entryHash } from '../../../core/team/encoding';
import type { LogRefusal } from '../../../core/team/refusals';
import type { InviteRole, MemberRole } from '../../../core/team/roles';
import type { TeamEntry } from '../../../core/team/schemas';
import type { TeamState } from '../../../core/team/state';
import type { Bytes } from '../../../core/vault/types';

export const START = Date.UTC(2026, 11, 1, 9, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

export interface Member {
  readonly member: string;
  readonly keys: SyncDeviceKeys;
}

export interface TeamWorld {
  readonly clock: ManualClock;
  readonly team: string;
  readonly owner: Member;
  entries: TeamEntry[];
  state: TeamState;
  /** The current epoch's key, as the owner's device holds it. */
  teamKey: Bytes;
}

export const newKeys = async (): Promise<SyncDeviceKeys> => (await generateSyncDeviceKeys()).keys;

/** Admits `entry` on the world's state (as the relay does), or gives the refusal. */
export const tryAppend = async (world: TeamWorld, entry: TeamEntry, fresh = true): Promise<LogRefusal | null> => {
  const admitted = await admitEntry(world.state, entry, { now: world.clock.now(), fresh });
  if (!admitted.ok) return admitted.error;
  world.entries = [...world.entries, entry];
  world.state = admitted.value;
  return null;
};

export const append = async (world: TeamWorld, entry: TeamEntry): Promise<void> => {
  const refused = await tryAppend(world, entry);
  if (refused) throw new Error(`refused: ${JSON.stringify(refused)}`);
};

export const newTeamWorld = async (start = START): Promise<TeamWorld> => {
  const clock = createManualClock(start);
  const team = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const keys = await newKeys();
  const genesis = await buildGenesis(team, keys, { name: 'Olivia Owner', email: 'olivia@example.com' }, clock);
  const admitted = await admitEntry(null, genesis.entry, { now: clock.now() });
  if (!admitted.ok) throw new Error(`genesis refused: ${JSON.stringify(admitted.error)}`);
  return { clock, team, owner: { member: genesis.member, keys }, entries: [genesis.entry], state: admitted.value, teamKey: genesis.teamKey };
};

/** Invite, join and confirm: a new active member with one device, invited and confirmed by `by`. */
export const addMember = async (world: TeamWorld, role: InviteRole, by: Member = world.owner, canExport = false): Promise<Member> => {
  const invite = await buildInvite(world.state, by.keys, world.teamKey, { role, canExport, profile: { name: `A ${role}`, email: 'm@example.com' } }, world.clock);
  await append(world, invite.entry);
  const keys = await newKeys();
  const join = await buildJoin(world.team, world.state.head, { inviteId: inviteIdOf(invite.entry), member: invite.member }, invite.secret, keys, role, world.clock);
  await append(world, join);
  await append(world, await buildConfirm(world.state, by.keys, world.teamKey, await entryHash(join), world.clock));
  return { member: invite.member, keys };
};

export const removeMember = async (world: TeamWorld, member: string, by: Member = world.owner): Promise<void> => {
  const removal = await buildRemoval(world.state, by.keys, world.teamKey, member, world.clock);
  await append(world, removal.entry);
  world.teamKey = removal.nextKey;
};

export const inviteIdOf = (entry: TeamEntry): string => {
  if (entry.body.type !== 'invite') throw new TypeError('not an invite');
  return entry.body.inviteId;
};

export const roleOf = (world: TeamWorld, member: string): MemberRole | undefined => world.state.members.get(member)?.role;
