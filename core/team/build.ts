/**
 * Building and signing membership entries on a device. Each builder names the head it builds on;
 * the relay appends it only if that is still the head (else the device re-reads and rebuilds).
 */
import type { Clock } from '../clock';
import { toBase64Url } from '../security/base64url';
import type { SyncDeviceKeys } from '../sync/device-keys';
import { randomBytes } from '../sync/item-crypto';
import { signBytes } from '../sync/signing';
import type { Bytes } from '../vault/types';
import { sealProfile, type MemberProfile } from './directory';
import { entrySigningBytes, inviteProofBytes } from './encoding';
import { inviteIdentity, newInviteSecret } from './invite-secret';
import type { InviteRole, MemberRole } from './roles';
import { TEAM_LOG_VERSION, type EntryBody, type TeamDevice, type TeamEntry, type UnsignedEntry } from './schemas';
import { keyHolders, type TeamState } from './state';
import { grantKey, newTeamKey, rotateKey } from './team-keys';

/** An invite is good for a week unless the inviter says otherwise. */
export const DEFAULT_INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const newMemberId = (): string => toBase64Url(randomBytes(16));

export const teamDeviceOf = (keys: SyncDeviceKeys): TeamDevice => ({
  id: keys.signing.deviceId, signPub: toBase64Url(keys.signing.publicKey), dhPub: toBase64Url(keys.agreementPublicKey),
});

/** Never dated before the head: validation refuses a log whose dates run backwards. */
const entryTime = (head: { at: number } | null, clock: Clock): number => Math.max(clock.now(), head?.at ?? 0);

const unsigned = (team: string, head: TeamState['head'] | null, signer: string, body: EntryBody, clock: Clock): UnsignedEntry => ({
  v: TEAM_LOG_VERSION, team, seq: (head?.seq ?? 0) + 1, prev: head?.hash ?? null, at: entryTime(head, clock), signer, body,
});

export const signEntry = async (keys: SyncDeviceKeys, entry: UnsignedEntry): Promise<TeamEntry> =>
  ({ ...entry, sig: await signBytes(keys.signing.privateKey, entrySigningBytes(entry)) });

/** A team of one: its genesis, and the epoch-1 key the owner's device now holds. */
export const buildGenesis = async (team: string, keys: SyncDeviceKeys, profile: MemberProfile, clock: Clock, teamKey: Bytes = newTeamKey()) => {
  const member = newMemberId();
  const device = teamDeviceOf(keys);
  const body: EntryBody = {
    type: 'genesis', member, device, profile: await sealProfile(team, member, 1, teamKey, profile), keys: await grantKey(team, 1, teamKey, [device]),
  };
  return { entry: await signEntry(keys, unsigned(team, null, device.id, body, clock)), member, teamKey };
};

export interface InviteOptions {
  readonly role: InviteRole;
  readonly canExport: boolean;
  readonly profile: MemberProfile;
  readonly ttlMs?: number;
}

/** An invite entry, and the one-time secret to hand over out of band (never through the relay). */
export const buildInvite = async (state: TeamState, keys: SyncDeviceKeys, teamKey: Bytes, options: InviteOptions, clock: Clock) => {
  const secret = newInviteSecret();
  const identity = await inviteIdentity(secret);
  const member = newMemberId();
  const at = entryTime(state.head, clock);
  const body: EntryBody = {
    type: 'invite', inviteId: identity.inviteId, invitePub: identity.invitePub, member, role: options.role,
    canExport: options.canExport, expiresAt: at + (options.ttlMs ?? DEFAULT_INVITE_TTL_MS),
    profile: await sealProfile(state.team, member, state.epoch, teamKey, options.profile),
  };
  return { entry: await signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock)), secret, member };
};

/** The invitee's join, signed by its new device and by the invite key only the secret gives. */
export const buildJoin = async (
  team: string, head: TeamState['head'], invite: { inviteId: string; member: string },
  secret: Bytes, keys: SyncDeviceKeys, role: MemberRole, clock: Clock,
): Promise<TeamEntry> => {
  const identity = await inviteIdentity(secret);
  const device = teamDeviceOf(keys);
  const body: EntryBody = { type: 'join', inviteId: invite.inviteId, member: invite.member, role, device };
  const entry = unsigned(team, head, device.id, body, clock);
  return { ...(await signEntry(keys, entry)), inviteSig: await signBytes(identity.privateKey, inviteProofBytes(entry)) };
};

/** An admin's confirmation of a pending join: the current key sealed to the new device. */
export const buildConfirm = async (state: TeamState, keys: SyncDeviceKeys, teamKey: Bytes, joinHash: string, clock: Clock): Promise<TeamEntry> => {
  const device = [...state.devices.values()].find((candidate) => candidate.joinHash === joinHash);
  if (!device) throw new RangeError('No join with that hash');
  const body: EntryBody = { type: 'confirm', member: device.member, join: joinHash, keys: await grantKey(state.team, state.epoch, teamKey, [device.device]) };
  return signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock));
};

/** Removal and rotation in one entry: the next epoch's key for every remaining device, the old key under the new. */
export const buildRemoval = async (state: TeamState, keys: SyncDeviceKeys, currentKey: Bytes, member: string, clock: Clock) => {
  const nextKey = newTeamKey();
  const remaining = keyHolders(state, member).map((device) => device.device);
  const body: EntryBody = { type: 'remove-member', member, rotation: await rotateKey(state.team, state.epoch + 1, nextKey, currentKey, remaining) };
  return { entry: await signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock)), nextKey };
};

/** Change-role, transfer-ownership, require-two-factor and revoke-invite: no keys involved. */
export const buildEntry = (
  state: TeamState, keys: SyncDeviceKeys,
  body: Extract<EntryBody, { type: 'change-role' | 'transfer-ownership' | 'require-two-factor' | 'revoke-invite' }>, clock: Clock,
): Promise<TeamEntry> => signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock));

/** Another device of the signer's member (or the owner's recovery key), with the current key sealed to it. */
export const buildAddDevice = async (
  state: TeamState, keys: SyncDeviceKeys, teamKey: Bytes, member: string, device: TeamDevice, clock: Clock, recovery = false,
): Promise<TeamEntry> => {
  const body: EntryBody = { type: 'add-device', member, device, keys: await grantKey(state.team, state.epoch, teamKey, [device]), ...(recovery ? { recovery } : {}) };
  return signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock));
};

/** The signer's own name and email under the current key. */
export const buildProfile = async (state: TeamState, keys: SyncDeviceKeys, teamKey: Bytes, member: string, profile: MemberProfile, clock: Clock) => {
  const body: EntryBody = { type: 'profile', member, profile: await sealProfile(state.team, member, state.epoch, teamKey, profile) };
  return signEntry(keys, unsigned(state.team, state.head, keys.signing.deviceId, body, clock));
};
