/**
 * The claims of pending joins this device can read: those of invites whose secret it kept
 * (invite-secrets.ts), opened for the joining device the validated log names, never the one the
 * relay's row names, so a claim the relay moved onto another join reads as unreadable.
 */
import { openJoinClaim } from '../team/join-claim';
import type { JoinClaimsReply } from '../team/schemas';
import type { TeamState } from '../team/state';
import type { JoinClaimView } from '../team/team-view';
import type { Bytes } from '../vault/types';

/** By join hash; a join whose invite this device holds no secret for, or that brought no claim, is absent. */
export const joinClaimViews = async (
  state: TeamState, claims: JoinClaimsReply['claims'], secrets: ReadonlyMap<string, Bytes>,
): Promise<Map<string, JoinClaimView>> => {
  const views = new Map<string, JoinClaimView>();
  for (const device of state.devices.values()) {
    if (device.status !== 'pending' || !device.joinHash) continue;
    const invite = [...state.invites.values()].find((candidate) => candidate.usedBy === device.joinHash);
    const secret = invite && secrets.get(invite.inviteId);
    const sealed = invite && claims.find((claim) => claim.inviteId === invite.inviteId);
    if (!invite || !secret || !sealed) continue;
    const claim = await openJoinClaim(secret, { team: state.team, inviteId: invite.inviteId, device: device.device.id }, sealed.claim);
    views.set(device.joinHash, claim ? { state: 'claimed', ...claim } : { state: 'unreadable' });
  }
  return views;
};
