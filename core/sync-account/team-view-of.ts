/**
 * The TeamView a page sees (core/team/team-view.ts), made on this device from the validated log,
 * the team keys it holds (names and emails open under the key of the epoch they were sealed in)
 * and the relay's device list (last seen; device names sealed under the account's first key).
 */
import { openDeviceName } from '../sync/device-names';
import type { DeviceInfo } from '../sync/protocol';
import type { TwoFactorStatusReply } from '../sync/two-factor-protocol';
import { twoFactorViewOf } from '../team/two-factor-view';
import { openProfile } from '../team/directory';
import { joinFingerprint } from '../team/fingerprint';
import type { MemberState, TeamState } from '../team/state';
import type { JoinClaimView, PendingJoinView, TeamMemberView, TeamView } from '../team/team-view';
import type { Bytes } from '../vault/types';
import type { TeamContext } from './team-account';

const profileOf = async (state: TeamState, member: MemberState, keys: ReadonlyMap<number, Bytes>) => {
  const key = keys.get(member.profile.epoch);
  return (key && (await openProfile(state.team, member.member, member.profile, key))) ?? { name: '', email: '' };
};

/** A device's name opens under whichever team key sealed it (a pairing seals it with the account's key then). */
const deviceName = async (team: string, keys: ReadonlyMap<number, Bytes>, info: DeviceInfo | undefined): Promise<string> => {
  if (!info?.label) return '';
  for (const key of keys.values()) {
    const name = await openDeviceName(key, team, info.device, info.label);
    if (name !== null) return name;
  }
  return '';
};

/** Whether the team survives losing every device of its owner: a printed recovery key, or another admin or owner. */
export const recoveryReady = (state: TeamState, me: string): boolean =>
  [...state.devices.values()].some((device) => device.recovery && device.status === 'active')
  || [...state.members.values()].some((member) => member.member !== me && member.status === 'active' && (member.role === 'admin' || member.role === 'owner'));

/**
 * `twoFactor`: the relay's /v1/two-factor/status answer, or null when it could not be asked;
 * `claims`: what pending joins say of themselves, by join hash, where this device could read it (join-claims.ts).
 */
export const teamViewOf = async (
  context: TeamContext, relayDevices: readonly DeviceInfo[], twoFactor: TwoFactorStatusReply | null,
  claims: ReadonlyMap<string, JoinClaimView> = new Map(),
): Promise<TeamView> => {
  const { state, ring, me } = context;
  const byId = new Map(relayDevices.map((device) => [device.device, device]));
  const devices = [...state.devices.values()].filter((device) => !device.recovery && device.status !== 'removed');
  const members: TeamMemberView[] = [];
  const pendingJoins: PendingJoinView[] = [];
  for (const member of state.members.values()) {
    if (member.status === 'invited') continue;
    const profile = await profileOf(state, member, ring.keys);
    const own = devices.filter((device) => device.member === member.member);
    const views = await Promise.all(own.map(async (device) => ({
      id: device.device.id, name: await deviceName(state.team, ring.keys, byId.get(device.device.id)),
      pending: device.status === 'pending', lastSeenAt: byId.get(device.device.id)?.lastSeenAt ?? null,
    })));
    const seen = views.map((view) => view.lastSeenAt ?? 0);
    members.push({
      member: member.member, name: profile.name, email: profile.email, role: member.role, canExport: member.canExport,
      status: member.status, thisMember: member.member === me, devices: views, lastSeenAt: Math.max(0, ...seen) || null,
      // The relay verifies the keys, so its word counts; no device claims a second factor of its own yet.
      twoFactor: twoFactorViewOf(twoFactor, member.member, null),
    });
    for (const device of own.filter((candidate) => candidate.status === 'pending' && candidate.joinHash)) {
      const invite = [...state.invites.values()].find((candidate) => candidate.usedBy === device.joinHash);
      if (!invite || !device.joinHash) continue;
      pendingJoins.push({
        joinHash: device.joinHash, member: member.member, name: profile.name, email: profile.email, role: invite.role,
        deviceName: '', words: await joinFingerprint(state.team, invite.inviteId, device.device),
        ...(claims.has(device.joinHash) ? { claim: claims.get(device.joinHash) } : {}),
      });
    }
  }
  const mine = state.members.get(me);
  if (!mine) throw new Error('A team context names an active member');
  return {
    team: state.team, me, myRole: mine.role, canExport: mine.canExport, requireTwoFactor: state.twoFactorRequired,
    recoveryReady: recoveryReady(state, me), epoch: state.epoch, members,
    invites: [...state.invites.values()].filter((invite) => !invite.revoked).map((invite) => ({
      inviteId: invite.inviteId, role: invite.role, canExport: invite.canExport, expiresAt: invite.expiresAt, used: invite.usedBy !== null,
    })),
    pendingJoins,
  };
};
