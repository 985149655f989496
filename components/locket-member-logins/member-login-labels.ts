import type { MemberLoginRow } from '../../core/team/member-login-rows';
import type { TeamView } from '../../core/team/team-view';
import { MEMBER_LOGINS_WORDS as W } from '../shared/messages/member-logins-words';

export interface MemberLoginLabels {
  readonly member: string;
  readonly device: string;
  readonly event: string;
}

/** Who, on which device, did what: names from the team's directory as this device read it. */
export const memberLoginLabels = (team: TeamView, row: MemberLoginRow): MemberLoginLabels => {
  const member = team.members.find((candidate) => candidate.member === row.member);
  const device = team.members.flatMap((candidate) => candidate.devices).find((candidate) => candidate.id === row.device);
  const event = row.kind === 'unlock' ? W.unlocked : row.twoFactorVerified ? W.sessionVerified : W.session;
  return { member: member?.name || W.unknownMember, device: device?.name || W.unknownDevice, event };
};

/** The owner and admins see every member's logins; everyone else only this device's own. */
export const seesMembersLogins = (team: TeamView | null): team is TeamView => team?.myRole === 'owner' || team?.myRole === 'admin';
