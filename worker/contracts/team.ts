/**
 * The team, as the options page drives it: the Team and Users sections, inviting, joining,
 * confirming, changing and removing members. Every call works from any page's worker; the
 * membership log on the relay is the truth, validated whole on this device before it is shown.
 */
import * as v from 'valibot';
import type { NameDirectory } from '../../core/team/name-directory';
import type { Result } from '../../core/result';
import { INVITE_ROLES, MEMBER_ROLES } from '../../core/team/roles';
import type { InviteOffer, JoinStep, RecoveryKeyOffer, TeamProblem, TeamView } from '../../core/team/team-view';
import { memberLoginsContract } from './member-logins';
import { method, progress, returns } from './method';

export type TeamOutcome = Result<void, TeamProblem>;

/** A cancelled team, as its owner's device signed it: the owner may restore it until `restorableUntil`. */
export interface TeamCancelled {
  readonly signedAt: number;
  readonly restorableUntil: number;
}

const MemberIdSchema = v.pipe(v.string(), v.maxLength(100));
const JoinHashSchema = v.pipe(v.string(), v.maxLength(200));
const InviteCodeSchema = v.pipe(v.string(), v.maxLength(512));
const RelayUrlSchema = v.pipe(v.string(), v.maxLength(2048));
const DeviceNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Name this device.'), v.maxLength(100));
const InviteRequestSchema = v.object({
  role: v.picklist(INVITE_ROLES),
  canExport: v.boolean(),
  expiresInDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(320))),
});
const ProfileSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter your name.'), v.maxLength(200)),
  email: v.pipe(v.string(), v.trim(), v.maxLength(320)),
});
const MemberChangeSchema = v.object({ role: v.picklist(MEMBER_ROLES), canExport: v.boolean() });
const JoinStepsSchema = progress(v.custom<(step: JoinStep) => void>((input) => typeof input === 'function', 'Steps must be a function.'));

export const teamContract = {
  /** Null while this device is in no team (sync off). */
  teamView: method({ args: [], result: returns<Result<TeamView | null, TeamProblem>>() }),
  /** Who the team's device and member ids are, from the log this device last validated (no relay call); null while in no team. */
  nameDirectory: method({ args: [], result: returns<Result<NameDirectory | null, TeamProblem>>() }),
  inviteMember: method({ args: [InviteRequestSchema], result: returns<Result<InviteOffer, TeamProblem>>() }),
  revokeInvite: method({ args: [v.pipe(v.string(), v.maxLength(100))], result: returns<TeamOutcome>() }),
  /** The admin compared the words the joining device shows: `same` confirms, otherwise declines. */
  confirmJoin: method({ args: [JoinHashSchema, v.boolean()], result: returns<TeamOutcome>() }),
  /** A new device with its own vault joins through an invite code and waits to be confirmed. */
  joinTeam: method({ args: [RelayUrlSchema, InviteCodeSchema, ProfileSchema, DeviceNameSchema, JoinStepsSchema], result: returns<TeamOutcome>() }),
  changeMember: method({ args: [MemberIdSchema, MemberChangeSchema], result: returns<TeamOutcome>() }),
  /** Removes the member and rotates the team key in the same log entry. */
  removeMember: method({ args: [MemberIdSchema], result: returns<TeamOutcome>() }),
  transferOwnership: method({ args: [MemberIdSchema], result: returns<TeamOutcome>() }),
  setRequireTwoFactor: method({ args: [v.boolean()], result: returns<TeamOutcome>() }),
  createRecoveryKey: method({ args: [], result: returns<Result<RecoveryKeyOffer, TeamProblem>>() }),
  /** Owner only: every member loses access at once; after 14 days the relay deletes the team and each device its copy. */
  cancelTeam: method({ args: [], result: returns<Result<TeamCancelled, TeamProblem>>() }),
  /** Owner only, within the 14 days. */
  restoreTeam: method({ args: [], result: returns<TeamOutcome>() }),
  ...memberLoginsContract,
};
