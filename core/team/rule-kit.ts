/** What every entry rule shares: typed refusals, the signer's role, grants and live members. */
import type { Result } from '../result';
import { refusal, type LogRefusal } from './refusals';
import { mayAppend, type MemberRole, type MembershipAct } from './roles';
import type { KeyGrant, TeamEntry } from './schemas';
import type { TeamState } from './state';

export type Applied = Result<TeamState, LogRefusal>;

export const refuse = (type: LogRefusal['type'], seq: number, detail?: string): Applied => ({ ok: false, error: refusal(type, seq, detail) });
export const accept = (value: TeamState): Applied => ({ ok: true, value });

export const signerRole = (state: TeamState, entry: TeamEntry): MemberRole => {
  const member = state.members.get(state.devices.get(entry.signer)?.member ?? '');
  if (!member) throw new Error('admitEntry checks the signer before the rules run');
  return member.role;
};

export const allowed = (state: TeamState, entry: TeamEntry, act: MembershipAct): Applied | undefined => {
  const role = signerRole(state, entry);
  return mayAppend(role, act) ? undefined : refuse('role-forbidden', entry.seq, `${role} may not ${act.act}`);
};

/** A grant seals exactly one key to exactly these devices, under the epoch it names. */
export const grantCovers = (grant: KeyGrant, epoch: number, deviceIds: readonly string[]): boolean => {
  const sealedTo = grant.sealed.map((sealed) => sealed.device);
  return grant.epoch === epoch && sealedTo.length === deviceIds.length && new Set(sealedTo).size === sealedTo.length
    && deviceIds.every((id) => sealedTo.includes(id));
};

export const liveMember = (state: TeamState, seq: number, member: string) => {
  const found = state.members.get(member);
  if (!found) return refuse('member-unknown', seq);
  if (found.status === 'removed') return refuse('member-removed', seq);
  return found;
};
