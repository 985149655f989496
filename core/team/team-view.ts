/**
 * What a page sees of a team, decrypted on this device: the options page's Team and Users
 * sections render these and nothing else. Names and emails come from profiles sealed under the
 * team key; the relay holds only their ciphertext.
 */
import type { SyncProblem } from '../sync/ports';
import type { InviteRole, MemberRole } from './roles';

/**
 * Whose word a two-factor status is: `relay` when the relay verified a WebAuthn assertion from the
 * member's registered key at a session start; `member` when only the member's device says so.
 */
export interface TwoFactorView {
  readonly enabled: boolean;
  readonly source: 'relay' | 'member';
}

export interface TeamDeviceView {
  readonly id: string;
  readonly name: string;
  readonly pending: boolean;
  readonly lastSeenAt: number | null;
}

export interface TeamMemberView {
  readonly member: string;
  readonly name: string;
  readonly email: string;
  readonly role: MemberRole;
  readonly canExport: boolean;
  /** joined: waiting for an admin to confirm a device; active; removed (kept for the record). */
  readonly status: 'joined' | 'active' | 'removed';
  readonly thisMember: boolean;
  readonly devices: readonly TeamDeviceView[];
  readonly lastSeenAt: number | null;
  readonly twoFactor: TwoFactorView;
}

export interface TeamInviteView {
  readonly inviteId: string;
  readonly role: InviteRole;
  readonly canExport: boolean;
  readonly expiresAt: number;
  readonly used: boolean;
}

/**
 * What a joining person says of themselves (core/team/join-claim.ts), as this device read it:
 * `claimed` opened under the invite's secret; `unreadable` came with the join but does not open
 * with it (altered on the way, or moved from another join), so it names nobody.
 */
export type JoinClaimView =
  | { readonly state: 'claimed'; readonly name: string; readonly email: string; readonly deviceName: string }
  | { readonly state: 'unreadable' };

/** A join an admin may confirm once both screens show the same words. */
export interface PendingJoinView {
  readonly joinHash: string;
  readonly member: string;
  readonly name: string;
  readonly email: string;
  readonly role: InviteRole;
  readonly deviceName: string;
  readonly words: readonly string[];
  /** Absent where this device holds no secret of the invite (another admin's), or the join brought no claim. */
  readonly claim?: JoinClaimView;
}

export interface TeamView {
  readonly team: string;
  /** This device's member. */
  readonly me: string;
  readonly myRole: MemberRole;
  readonly canExport: boolean;
  readonly requireTwoFactor: boolean;
  /**
   * True once the team can survive losing every device of one owner: a second owner exists or a
   * printed recovery key was made. The first invite waits for it.
   */
  readonly recoveryReady: boolean;
  readonly epoch: number;
  readonly members: readonly TeamMemberView[];
  readonly invites: readonly TeamInviteView[];
  readonly pendingJoins: readonly PendingJoinView[];
}

export interface InviteRequest {
  readonly role: InviteRole;
  readonly canExport: boolean;
  /** 1 to 30; 7 unless the inviter chose otherwise. */
  readonly expiresInDays: number;
  /** What admins see of the invitee until they join and seal their own (sealed under the team key). */
  readonly name?: string;
  readonly email?: string;
}

/** The inviter's side: handed over by any channel the owner trusts (the QR image encodes `code`). */
export interface InviteOffer {
  readonly inviteId: string;
  readonly code: string;
  readonly expiresAt: number;
}

/** The invitee's name and email, sealed under the team key once they are in. */
export interface MemberProfileInput {
  readonly name: string;
  readonly email: string;
}

export type JoinStep =
  | { readonly phase: 'waiting-for-confirmation'; readonly words: readonly string[] }
  | { readonly phase: 'confirmed' }
  | { readonly phase: 'declined' };

export type TeamProblem =
  | SyncProblem
  | { readonly type: 'not-in-team' }
  | { readonly type: 'role-forbidden' }
  | { readonly type: 'bad-invite-code' }
  | { readonly type: 'invite-expired' }
  | { readonly type: 'invite-used' }
  | { readonly type: 'needs-recovery' }
  | { readonly type: 'last-owner' }
  | { readonly type: 'log-refused'; readonly reason: string };

/** The printed recovery key: shown once, opens the team's keys if every owner device is lost. */
export interface RecoveryKeyOffer {
  readonly words: readonly string[];
}
