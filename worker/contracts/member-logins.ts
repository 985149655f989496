/**
 * Recent logins of a team's members, for the options page (issue 13): null for a device in no
 * team, and for a member who is not an owner or admin (they see only this device's own logins).
 */
import type { Result } from '../../core/result';
import type { MemberLoginRow } from '../../core/team/member-login-rows';
import type { TeamProblem } from '../../core/team/team-view';
import { method, returns } from './method';

export const memberLoginsContract = {
  memberLogins: method({ args: [], result: returns<Result<readonly MemberLoginRow[] | null, TeamProblem>>() }),
};
