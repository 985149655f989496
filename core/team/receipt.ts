/**
 * The device's own check of a set it pulls, after the relay's (issue 13: roles "checked again by
 * every device on receipt"): a set from a log device whose member never held a role that may push
 * it is not applied, whatever the relay accepted.
 *
 * A set names no log position, so the member's highest role since joining stands in for the role
 * they held when they pushed: every device judges a set the same way whenever it pulls it, so
 * refusals never make devices diverge. The relay refuses a removed member's devices from the
 * removal on, so their earlier sets stay valid everywhere.
 */
import { mayPush, type PushedSet } from './roles';
import type { TeamState } from './state';

/** `set` is a pulled set (core/sync/protocol.ts StoredSet) or anything naming its device, ops and kinds. */
export const admitsSet = (state: TeamState, set: PushedSet & { readonly device: string }): boolean => {
  const device = state.devices.get(set.device);
  // A device the log does not name is one a member added through pairing; the device list vouches for it.
  if (!device) return true;
  if (device.status === 'pending') return false;
  const member = state.members.get(device.member);
  return member !== undefined && mayPush(member.highestRole, set);
};
