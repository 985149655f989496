/**
 * The rules of each entry type, after the chain and the signature checked out (core/team/admit.ts).
 * Who may ask for what is the role table's (core/team/roles.ts); this file says what each entry
 * must name and what it changes.
 */
import { fromBase64Url } from '../security/base64url';
import { deviceIdFromPublicKey, verifyBytes } from '../sync/signing';
import { inviteProofBytes } from './encoding';
import { addDevice, profile, revokeInvite } from './own-entry-rules';
import { isRoleAtMost, roleRank } from './roles';
import { accept, allowed, grantCovers, liveMember, refuse, type Applied } from './rule-kit';
import type { BodyOf, TeamEntry } from './schemas';
import { keyHolders, withEntry, type MemberState, type TeamState } from './state';

const invite = (state: TeamState, entry: TeamEntry, body: BodyOf<'invite'>): Applied => {
  const denied = allowed(state, entry, { act: 'invite', role: body.role });
  if (denied) return denied;
  if (state.invites.has(body.inviteId)) return refuse('invite-used', entry.seq, 'the invite id is taken');
  if (state.members.has(body.member)) return refuse('member-exists', entry.seq);
  if (body.expiresAt <= entry.at) return refuse('invite-expired', entry.seq, 'expires before it is made');
  if (body.profile.epoch !== state.epoch) return refuse('key-grant', entry.seq, 'the profile is sealed under an old key');
  const { inviteId, invitePub, member, role, canExport, expiresAt, profile } = body;
  return accept({
    ...state,
    members: withEntry(state.members, member, { member, role, highestRole: role, canExport, status: 'invited', profile }),
    invites: withEntry(state.invites, inviteId, { inviteId, invitePub, member, role, canExport, expiresAt, usedBy: null }),
  });
};

const join = async (state: TeamState, entry: TeamEntry, body: BodyOf<'join'>, hash: string): Promise<Applied> => {
  const found = state.invites.get(body.inviteId);
  if (!found || found.member !== body.member) return refuse('invite-unknown', entry.seq);
  if (found.usedBy !== null) return refuse('invite-used', entry.seq);
  const member = liveMember(state, entry.seq, found.member);
  if ('ok' in member) return member;
  if (entry.at > found.expiresAt) return refuse('invite-expired', entry.seq);
  if (!isRoleAtMost(body.role, found.role)) return refuse('role-escalation', entry.seq, `invited as ${found.role}, claims ${body.role}`);
  const signPub = fromBase64Url(body.device.signPub);
  if (entry.signer !== body.device.id || !signPub || (await deviceIdFromPublicKey(signPub)) !== body.device.id) {
    return refuse('device-key-substituted', entry.seq, 'the device id is not its key\'s');
  }
  const invitePub = fromBase64Url(found.invitePub);
  // The invite key signs the device's keys: only the secret's holder can, so a swapped key fails here.
  if (!entry.inviteSig || !invitePub || !(await verifyBytes(invitePub, entry.inviteSig, inviteProofBytes(entry)))) {
    return refuse('device-key-substituted', entry.seq, 'not signed with the invite key');
  }
  if (state.devices.has(body.device.id)) return refuse('device-exists', entry.seq);
  return accept({
    ...state,
    invites: withEntry(state.invites, found.inviteId, { ...found, usedBy: hash }),
    members: withEntry(state.members, member.member, { ...member, role: body.role, highestRole: body.role, status: 'joined' }),
    devices: withEntry(state.devices, body.device.id, { device: body.device, member: member.member, status: 'pending', joinHash: hash }),
  });
};

const confirm = (state: TeamState, entry: TeamEntry, body: BodyOf<'confirm'>): Applied => {
  const device = [...state.devices.values()].find((candidate) => candidate.joinHash === body.join);
  if (!device || device.status !== 'pending' || device.member !== body.member) return refuse('join-unknown', entry.seq);
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  const denied = allowed(state, entry, { act: 'confirm', role: member.role });
  if (denied) return denied;
  if (!grantCovers(body.keys, state.epoch, [device.device.id])) return refuse('key-grant', entry.seq, 'seals the current key to the joined device only');
  const current = state.keys[state.epoch - 1];
  if (!current) throw new Error('Every epoch up to the current one has its keys');
  const keys = [...state.keys];
  keys[state.epoch - 1] = { ...current, sealed: [...current.sealed, ...body.keys.sealed] };
  return accept({
    ...state, keys,
    members: withEntry(state.members, member.member, { ...member, status: 'active' }),
    devices: withEntry(state.devices, device.device.id, { ...device, status: 'active' }),
  });
};

const changeRole = (state: TeamState, entry: TeamEntry, body: BodyOf<'change-role'>): Applied => {
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  const denied = allowed(state, entry, { act: 'change-role', from: member.role, to: body.role });
  if (denied) return denied;
  if (member.role === body.role && member.canExport === body.canExport) return refuse('no-change', entry.seq);
  const highestRole = roleRank(body.role) > roleRank(member.highestRole) ? body.role : member.highestRole;
  return accept({ ...state, members: withEntry(state.members, member.member, { ...member, role: body.role, highestRole, canExport: body.canExport }) });
};

const removeMember = (state: TeamState, entry: TeamEntry, body: BodyOf<'remove-member'>): Applied => {
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  const denied = allowed(state, entry, { act: 'remove', role: member.role });
  if (denied) return denied;
  const epoch = state.epoch + 1;
  const remaining = keyHolders(state, member.member).map((device) => device.device.id);
  if (!grantCovers(body.rotation, epoch, remaining)) return refuse('key-grant', entry.seq, 'rotates to the next epoch for every remaining device');
  const devices = new Map(state.devices);
  for (const [id, device] of devices) if (device.member === member.member) devices.set(id, { ...device, status: 'removed' });
  return accept({
    ...state, epoch, devices,
    members: withEntry(state.members, member.member, { ...member, status: 'removed' }),
    keys: [...state.keys, { epoch, sealed: body.rotation.sealed, previous: body.rotation.previous }],
  });
};

const transferOwnership = (state: TeamState, entry: TeamEntry, body: BodyOf<'transfer-ownership'>): Applied => {
  const denied = allowed(state, entry, { act: 'transfer-ownership' });
  if (denied) return denied;
  const member = liveMember(state, entry.seq, body.member);
  if ('ok' in member) return member;
  if (member.status !== 'active') return refuse('member-unknown', entry.seq, 'ownership goes to an active member');
  if (member.member === state.owner) return refuse('no-change', entry.seq);
  const previous = state.members.get(state.owner);
  if (!previous) throw new Error('The owner is a member');
  const demoted: MemberState = { ...previous, role: 'admin' };
  const promoted: MemberState = { ...member, role: 'owner', highestRole: 'owner', canExport: true };
  const members = withEntry(withEntry(state.members, previous.member, demoted), member.member, promoted);
  return accept({ ...state, owner: member.member, members });
};

const requireTwoFactor = (state: TeamState, entry: TeamEntry, body: BodyOf<'require-two-factor'>): Applied => {
  const denied = allowed(state, entry, { act: 'require-two-factor' });
  if (denied) return denied;
  if (state.twoFactorRequired === body.required) return refuse('no-change', entry.seq);
  return accept({ ...state, twoFactorRequired: body.required });
};

/** The state this entry's body makes; `state.head` is the caller's to move. */
export const applyBody = async (state: TeamState, entry: TeamEntry, hash: string): Promise<Applied> => {
  const { body } = entry;
  switch (body.type) {
    case 'genesis': return refuse('bad-genesis', entry.seq);
    case 'invite': return invite(state, entry, body);
    case 'join': return join(state, entry, body, hash);
    case 'confirm': return confirm(state, entry, body);
    case 'change-role': return changeRole(state, entry, body);
    case 'remove-member': return removeMember(state, entry, body);
    case 'transfer-ownership': return transferOwnership(state, entry, body);
    case 'require-two-factor': return requireTwoFactor(state, entry, body);
    case 'add-device': return addDevice(state, entry, body);
    case 'revoke-invite': return revokeInvite(state, entry, body, hash);
    case 'profile': return profile(state, entry, body);
  }
};
