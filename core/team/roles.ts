/**
 * Who may do what in a team (issue 13), as one pure table the relay and every device consult alike:
 * the relay refuses what a role may not push or append, and a device refuses again on receipt.
 *
 * | may                                                          | read-only | standard | admin | owner |
 * | read everything                                              | yes       | yes      | yes   | yes   |
 * | create, edit, move to trash                                  |           | yes      | yes   | yes   |
 * | restore, delete forever, erase, undo an import, settings     |           |          | yes   | yes   |
 * | invite, remove, change role/export of standard and read-only |           |          | yes   | yes   |
 * | make or remove admins, transfer ownership, require 2FA       |           |          |       | yes   |
 */
import type { SyncOp } from '../sync/ports';

export const MEMBER_ROLES = ['read-only', 'standard', 'admin', 'owner'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** The roles an invite may carry: ownership only ever moves by transfer. */
export const INVITE_ROLES = ['read-only', 'standard', 'admin'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

const RANK: Readonly<Record<MemberRole, number>> = { 'read-only': 0, standard: 1, admin: 2, owner: 3 };

export const roleRank = (role: MemberRole): number => RANK[role];
export const isRoleAtMost = (role: MemberRole, ceiling: MemberRole): boolean => RANK[role] <= RANK[ceiling];

/** The team-wide settings travel as records of this kind: changing them is an admin's right. */
export const SETTINGS_KIND = 'settings';

/** One item of a pushed set as the relay sees it: its op and kind in the clear, nothing more. */
export interface PushedItem {
  readonly op: SyncOp;
  readonly kind: string;
}

/** What a pushed set says beyond its items: an import's undo carries `undoOf`. */
export interface PushedSet {
  readonly undoOf?: string | undefined;
  readonly items: readonly PushedItem[];
}

const EVERYDAY_OPS: ReadonlySet<SyncOp> = new Set(['create', 'update', 'delete']);

/** Restore, purge, erase, import undo and team settings: the admin's part of the table. */
const needsAdmin = (set: PushedSet): boolean =>
  set.undoOf !== undefined || set.items.some((item) => !EVERYDAY_OPS.has(item.op) || item.kind === SETTINGS_KIND);

/** Whether a member of `role` may push this set (all of it: a set is accepted or refused whole). */
export const mayPush = (role: MemberRole, set: PushedSet): boolean => {
  if (role === 'read-only') return false;
  if (role === 'standard') return !needsAdmin(set);
  return true;
};

/** What a membership entry asks for, reduced to what the role table decides on. */
export type MembershipAct =
  | { readonly act: 'invite'; readonly role: InviteRole }
  | { readonly act: 'confirm'; readonly role: MemberRole }
  | { readonly act: 'change-role'; readonly from: MemberRole; readonly to: MemberRole }
  | { readonly act: 'remove'; readonly role: MemberRole }
  | { readonly act: 'revoke-invite'; readonly role: InviteRole }
  | { readonly act: 'transfer-ownership' }
  | { readonly act: 'require-two-factor' };

/** Admins manage standard and read-only members; only the owner makes, changes or removes admins. */
const manages = (role: MemberRole, target: MemberRole): boolean => {
  if (target === 'owner') return false;
  if (role === 'owner') return true;
  return role === 'admin' && RANK[target] < RANK.admin;
};

/** Whether a member of `role` may append an entry asking for `act`. Joins are the invitee's own and are checked against the invite instead. */
export const mayAppend = (role: MemberRole, act: MembershipAct): boolean => {
  switch (act.act) {
    case 'invite':
    case 'revoke-invite':
    case 'confirm':
    case 'remove':
      return manages(role, act.role);
    case 'change-role':
      return manages(role, act.from) && manages(role, act.to);
    case 'transfer-ownership':
    case 'require-two-factor':
      return role === 'owner';
  }
};

/**
 * Whether a member of `role` may upload the team's encrypted snapshots: admins and the owner.
 * Snapshot rows are sealed but not signed, and a device starting from one takes its team
 * settings as they are: a standard member's upload could plant settings the relay refuses
 * from them as change sets. Without an admin online the log simply waits for a snapshot.
 */
export const mayUploadSnapshots = (role: MemberRole): boolean => RANK[role] >= RANK.admin;
