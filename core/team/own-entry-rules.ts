/**
 * The rules of the entries a member makes about themself (another device of theirs, their own
 * profile) and of withdrawing an invite: the rest are in core/team/entry-rules.ts.
 */
import { fromBase64Url } from '../security/base64url';
import { deviceIdFromPublicKey } from '../sync/signing';
import { accept, allowed, grantCovers, liveMember, refuse, type Applied } from './rule-kit';
import type { BodyOf, TeamEntry } from './schemas';
import { withEntry, type TeamState } from './state';

/** The signing device's member: these entries speak only for the member whose device signs them. */
const signersOwn = (state: TeamState, entry: TeamEntry, member: string): Applied | undefined =>
  state.devices.get(entry.signer)?.member === member ? undefined : refuse('role-forbidden', entry.seq, 'a member speaks only for themself');

export const addDevice = async (state: TeamState, entry: TeamEntry, body: BodyOf<'add-device'>): Promise<Applied> => {
  const denied = signersOwn(state, entry, body.member);
  if (denied) return denied;
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  if (body.recovery && member.role !== 'owner') return refuse('role-forbidden', entry.seq, 'only an owner makes a recovery key');
  const signPub = fromBase64Url(body.device.signPub);
  if (!signPub || (await deviceIdFromPublicKey(signPub)) !== body.device.id) return refuse('device-key-substituted', entry.seq, 'the device id is not its key\'s');
  if (state.devices.has(body.device.id)) return refuse('device-exists', entry.seq);
  if (!grantCovers(body.keys, state.epoch, [body.device.id])) return refuse('key-grant', entry.seq, 'seals the current key to the added device only');
  const current = state.keys[state.epoch - 1];
  if (!current) throw new Error('Every epoch up to the current one has its keys');
  const keys = [...state.keys];
  keys[state.epoch - 1] = { ...current, sealed: [...current.sealed, ...body.keys.sealed] };
  const device = { device: body.device, member: member.member, status: 'active' as const, ...(body.recovery ? { recovery: true } : {}) };
  return accept({ ...state, keys, devices: withEntry(state.devices, body.device.id, device) });
};

export const revokeInvite = (state: TeamState, entry: TeamEntry, body: BodyOf<'revoke-invite'>, hash: string): Applied => {
  const found = state.invites.get(body.inviteId);
  if (!found) return refuse('invite-unknown', entry.seq);
  const denied = allowed(state, entry, { act: 'revoke-invite', role: found.role });
  if (denied) return denied;
  if (found.usedBy !== null) return refuse('invite-used', entry.seq);
  const member = state.members.get(found.member);
  return accept({
    ...state,
    invites: withEntry(state.invites, found.inviteId, { ...found, usedBy: hash, revoked: true }),
    members: member ? withEntry(state.members, member.member, { ...member, status: 'removed' }) : state.members,
  });
};

export const profile = (state: TeamState, entry: TeamEntry, body: BodyOf<'profile'>): Applied => {
  const denied = signersOwn(state, entry, body.member);
  if (denied) return denied;
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  if (body.profile.epoch !== state.epoch) return refuse('key-grant', entry.seq, 'the profile is sealed under an old key');
  return accept({ ...state, members: withEntry(state.members, member.member, { ...member, profile: body.profile }) });
};
