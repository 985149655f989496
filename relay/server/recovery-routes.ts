/**
 * POST /v1/recovery/team { device } → { team } (null for none): where a printed recovery key's device is enrolled
 * (core/team/recovery-protocol.ts says why the answer is safe to give). Counted as an
 * authentication attempt of the caller's address, like a challenge, so ids cannot be tried in bulk.
 */
import { RECOVERY_TEAM_PATH, RecoveryTeamRequestSchema } from '../../core/team/recovery-protocol';
import { parseMessage } from './http-kit';
import type { RouteAnswer, RouteContext } from './route-context';

export const isRecoveryPath = (path: string): boolean => path === RECOVERY_TEAM_PATH;

export const routeRecovery = async (body: Buffer, context: RouteContext): Promise<RouteAnswer> => {
  await context.limits.authAttempt(context.clientAddress);
  const { device } = parseMessage(RecoveryTeamRequestSchema, body);
  return { status: 200, body: { team: await context.store.teamOfActiveDevice(device) } };
};
