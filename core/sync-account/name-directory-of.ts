/**
 * The NameDirectory (core/team/name-directory.ts) of this device's team, from the log it last
 * validated and the team keys it holds: no relay call, so a record opened offline still names
 * who wrote it. An invitee not yet joined is named as the inviter gave them (the audit log's invite).
 */
import { openProfile } from '../team/directory';
import type { NameDirectory } from '../team/name-directory';
import type { TeamState } from '../team/state';
import type { Bytes } from '../vault/types';

export const nameDirectoryOf = async (
  state: TeamState, keys: ReadonlyMap<number, Bytes>, me: string, thisDevice: readonly string[],
): Promise<NameDirectory> => {
  const members = await Promise.all([...state.members.values()].map(async (member) => {
    const key = keys.get(member.profile.epoch);
    const profile = key ? await openProfile(state.team, member.member, member.profile, key) : null;
    return { member: member.member, name: profile?.name.trim() ?? '', removed: member.status === 'removed' };
  }));
  const devices = [...state.devices.values()].filter((device) => !device.recovery).map((device) => ({ device: device.device.id, member: device.member }));
  return { thisDevice: [...new Set(thisDevice)], me, members, devices };
};
