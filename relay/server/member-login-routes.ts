/**
 * Recent logins of a team's members (core/team/member-logins-protocol.ts): any member's device
 * reports its sealed unlocks; only an owner's or admin's device reads them and the session starts,
 * judged by the role the relay derives from the validated membership log. Anyone else is refused
 * with `role_forbidden` (403), and learns nothing of the other members' logins.
 */
import { DEFAULT_LOGIN_DAYS, expiredBefore } from '../../core/retention/windows';
import { UnlockReportRequestSchema } from '../../core/team/member-logins-protocol';
import { parseMessage, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import type { RouteAnswer, RouteContext } from './route-context';

const SESSIONS = '/v1/team/sessions';
const UNLOCKS = '/v1/team/unlocks';

export const isMemberLoginPath = (path: string | undefined): boolean => path === SESSIONS || path === UNLOCKS;

/** The methods each path answers: what routes.ts lets through before reading a body. */
export const memberLoginMethodAllowed = (path: string | undefined, method: string | undefined): boolean =>
  (path === SESSIONS && method === 'GET') || (path === UNLOCKS && (method === 'GET' || method === 'POST'));

export const routeMemberLogins = async (
  path: string, method: string | undefined, body: Buffer, authorization: string | undefined, context: RouteContext,
): Promise<RouteAnswer> => {
  const { store } = context;
  const caller = await context.auth.authenticate(authorization);
  if (path === UNLOCKS && method === 'POST') {
    const { unlocks } = parseMessage(UnlockReportRequestSchema, body);
    const stored = await store.storeUnlocks(caller.team, caller.device, unlocks, expiredBefore(DEFAULT_LOGIN_DAYS, context.now()));
    context.log.debug({ team: hashId(caller.team), device: hashId(caller.device), stored }, 'unlocks reported');
    return { status: 200, body: { stored } };
  }
  const { role } = await store.deviceAccess(caller.team, caller.device);
  // A team without a membership log is its one owner's.
  if (role !== null && role !== 'owner' && role !== 'admin') {
    throw new RelayRefusal(403, 'role_forbidden', 'Only the owner and admins see the members\' logins');
  }
  if (path === SESSIONS) return { status: 200, body: { sessions: await store.memberSessions(caller.team) } };
  return { status: 200, body: { unlocks: await store.memberUnlocks(caller.team) } };
};
