/**
 * An owner's or admin's view of the team's recent logins (worker/contracts/member-logins.ts):
 * the log read and validated whole first, so the role that decides who sees them and the member
 * each row names are the log's, then the relay's session starts and sealed unlock reports.
 */
import type { Result } from '../core/result';
import type { TeamAccount } from '../core/sync-account/team-account';
import { teamCall } from '../core/sync-account/team-calls';
import { memberLoginRows, type MemberLoginRow } from '../core/team/member-login-rows';
import { MemberSessionsReplySchema, StoredUnlocksReplySchema } from '../core/team/member-logins-protocol';
import type { TeamProblem } from '../core/team/team-view';
import type { TokenSource } from './sync-token';

type MemberLogins = Result<readonly MemberLoginRow[] | null, TeamProblem>;

const SEE_EVERY_MEMBER = new Set(['owner', 'admin']);

export const createMemberLoginsCall = (deps: { readonly team: TeamAccount | null; readonly token: TokenSource }) =>
  async (): Promise<MemberLogins> => {
    const session = await deps.token();
    if (!session.ok) return session.error.type === 'not-connected' ? { ok: true, value: null } : session;
    if (!deps.team) return { ok: true, value: null };
    const context = await deps.team.context(session.value);
    if (!context.ok || !context.value) return context.ok ? { ok: true, value: null } : context;
    const { state, ring, me } = context.value;
    if (!SEE_EVERY_MEMBER.has(state.members.get(me)?.role ?? '')) return { ok: true, value: null };
    const open = await deps.team.unlocked();
    if (!open) return { ok: true, value: null };
    const via = open.transport;
    const [sessions, unlocks] = await Promise.all([
      teamCall(via, '/v1/team/sessions', { token: session.value }, MemberSessionsReplySchema),
      teamCall(via, '/v1/team/unlocks', { token: session.value }, StoredUnlocksReplySchema),
    ]);
    if (!sessions.ok) return sessions;
    if (!unlocks.ok) return unlocks;
    return { ok: true, value: await memberLoginRows(state, ring.keys, sessions.value.sessions, unlocks.value.unlocks) };
  };
