/**
 * Which controls the viewer's role allows, read from the one role table (core/team/roles.ts)
 * that the relay and every device enforce: the page offers only what would be accepted.
 */
import { INVITE_ROLES, MEMBER_ROLES, mayAppend, type InviteRole, type MemberRole } from '../../core/team/roles';
import type { PendingJoinView, TeamInviteView, TeamMemberView, TeamView } from '../../core/team/team-view';

/** The roles the viewer may invite with; none for a standard or read-only member. */
export const invitableRoles = (myRole: MemberRole): readonly InviteRole[] =>
  INVITE_ROLES.filter((role) => mayAppend(myRole, { act: 'invite', role }));

/** Whether the viewer may change or remove this member: not themselves, not a removed member, and only whom their role manages. */
export const managesMember = (view: TeamView, member: TeamMemberView): boolean =>
  !member.thisMember && member.status !== 'removed' && mayAppend(view.myRole, { act: 'remove', role: member.role });

/** The roles the viewer may give this member; ownership moves only by transfer. */
export const assignableRoles = (myRole: MemberRole, member: TeamMemberView): readonly MemberRole[] =>
  MEMBER_ROLES.filter((role) => role !== 'owner' && mayAppend(myRole, { act: 'change-role', from: member.role, to: role }));

/** Only an owner makes another active member owner. */
export const mayTransferTo = (view: TeamView, member: TeamMemberView): boolean =>
  !member.thisMember && member.status === 'active' && member.role !== 'owner' && mayAppend(view.myRole, { act: 'transfer-ownership' });

export const mayConfirm = (myRole: MemberRole, join: PendingJoinView): boolean => mayAppend(myRole, { act: 'confirm', role: join.role });

export const mayRequireTwoFactor = (myRole: MemberRole): boolean => mayAppend(myRole, { act: 'require-two-factor' });

/** Whoever may invite with a role may take such an invite back: an admin leaves the owner's admin invites alone. */
export const mayRevoke = (myRole: MemberRole, invite: TeamInviteView): boolean => mayAppend(myRole, { act: 'invite', role: invite.role });
