/**
 * What a validated membership log says, folded entry by entry (core/team/admit.ts). Immutable:
 * each admitted entry gives a new state, so a refused entry leaves the old one untouched.
 */
import type { InviteRole, MemberRole } from './roles';
import type { SealedProfile, SealedTeamKey, TeamDevice } from './schemas';

/** invited → joined (a device waits for an admin) → active; removed is final. */
export type MemberStatus = 'invited' | 'joined' | 'active' | 'removed';

export interface MemberState {
  readonly member: string;
  readonly role: MemberRole;
  /**
   * The highest role the member has held since joining: devices judge a set they receive by it,
   * because a set carries no log position and the relay refused it when it was pushed if the
   * member's role then did not allow it (core/team/receipt.ts).
   */
  readonly highestRole: MemberRole;
  readonly canExport: boolean;
  readonly status: MemberStatus;
  readonly profile: SealedProfile;
}

/** pending until an admin confirms the join; removed with its member. */
export interface DeviceState {
  readonly device: TeamDevice;
  readonly member: string;
  readonly status: 'pending' | 'active' | 'removed';
  /** The join entry that brought the device in (none for the genesis device). */
  readonly joinHash?: string;
  /** The owner's printed recovery key, held as a device so every rotation seals to it. */
  readonly recovery?: boolean;
}

export interface InviteState {
  readonly inviteId: string;
  readonly invitePub: string;
  readonly member: string;
  readonly role: InviteRole;
  readonly canExport: boolean;
  readonly expiresAt: number;
  /** The hash of the join that used it (or of the entry that revoked it): an invite is good for one join. */
  readonly usedBy: string | null;
  readonly revoked?: boolean;
}

/** One epoch's key as sealed to devices so far, and (from epoch 2) the previous key sealed under it. */
export interface EpochKeys {
  readonly epoch: number;
  readonly sealed: readonly SealedTeamKey[];
  readonly previous?: string;
}

export interface LogPosition {
  readonly seq: number;
  readonly hash: string;
  readonly at: number;
}

export interface TeamState {
  readonly team: string;
  readonly head: LogPosition;
  readonly epoch: number;
  readonly owner: string;
  readonly twoFactorRequired: boolean;
  readonly members: ReadonlyMap<string, MemberState>;
  readonly devices: ReadonlyMap<string, DeviceState>;
  readonly invites: ReadonlyMap<string, InviteState>;
  /** Index `epoch - 1`. */
  readonly keys: readonly EpochKeys[];
}

/** The role a device acts with: its member's, while both are active; null for anyone else. */
export const deviceRole = (state: TeamState, deviceId: string): MemberRole | null => {
  const device = state.devices.get(deviceId);
  const member = device && state.members.get(device.member);
  return device?.status === 'active' && member?.status === 'active' ? member.role : null;
};

/** Every device that holds the current key: the active devices of active members. */
export const keyHolders = (state: TeamState, except?: string): DeviceState[] =>
  [...state.devices.values()].filter((device) =>
    device.status === 'active' && device.member !== except && state.members.get(device.member)?.status === 'active');

export const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);
