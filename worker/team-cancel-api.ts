/**
 * The owner cancels the team on the relay, and restores it within 14 days (SYNC.md §11). The
 * relay takes no session for either (a cancelled team gets none): this device signs over a
 * single-use nonce from `/v1/challenge` with its own device key, as core/sync/team-cancellation.ts
 * defines. Only an owner's device asks: anyone else is refused here, before any relay call, and
 * the relay refuses them too.
 */
import * as v from 'valibot';
import type { Clock } from '../core/clock';
import type { TeamAccount } from '../core/sync-account/team-account';
import { teamCall, teamFail, type TeamAnswer } from '../core/sync-account/team-calls';
import { CANCELLATION_DAYS, windowEnd } from '../core/retention/windows';
import { ChallengeSchema } from '../core/sync/protocol';
import { signBytes } from '../core/sync/signing';
import { teamCancellationMessage, type TeamCancellationRequest } from '../core/sync/team-cancellation';
import { deviceRole } from '../core/team/state';
import type { TeamCancelled } from './contracts/team';
import type { TokenSource } from './sync-token';

const CancelReplySchema = v.object({ cancelledAt: v.number() });
const RestoreReplySchema = v.object({ restored: v.literal(true) });

export interface TeamCancelDeps {
  readonly team: TeamAccount | null;
  readonly token: TokenSource;
  readonly clock: Clock;
}

type Opened = NonNullable<Awaited<ReturnType<TeamAccount['unlocked']>>>;

/** The signed request for `action`, on a fresh nonce of the relay this device syncs with. */
const ownerSigned = async (open: Opened, action: 'cancel' | 'restore', clock: Clock): Promise<TeamAnswer<TeamCancellationRequest>> => {
  const { team } = open.identity;
  const device = open.keys.signing.deviceId;
  const challenge = await teamCall(open.transport, '/v1/challenge', { body: { team, device } }, ChallengeSchema);
  if (!challenge.ok) return challenge;
  // This device's time, never the relay's: devices count the 14 days to their wipe from it.
  const request = { team, device, nonce: challenge.value.nonce, signedAt: clock.now() };
  const sig = await signBytes(open.keys.signing.privateKey, teamCancellationMessage(action, challenge.value.relayInstance, request));
  return { ok: true, value: { ...request, sig } };
};

export const createTeamCancelCalls = (deps: TeamCancelDeps) => ({
  /** Every member loses access at once; the owner may restore until 14 days after the signed time. */
  cancelTeam: async (): Promise<TeamAnswer<TeamCancelled>> => {
    const session = await deps.token();
    if (!session.ok) return session;
    if (!deps.team) return teamFail({ type: 'not-connected' });
    // The log read now, validated whole: the same owner check the other owner acts make.
    const context = await deps.team.ensureTeam(session.value);
    if (!context.ok) return context;
    if (context.value.state.members.get(context.value.me)?.role !== 'owner') return teamFail({ type: 'role-forbidden' });
    const open = await deps.team.unlocked();
    if (!open) return teamFail({ type: 'not-connected' });
    const signed = await ownerSigned(open, 'cancel', deps.clock);
    if (!signed.ok) return signed;
    const answer = await teamCall(open.transport, '/v1/cancel-team', { body: signed.value }, CancelReplySchema);
    if (!answer.ok) return answer;
    const { signedAt } = signed.value;
    const cancelled = { signedAt, restorableUntil: windowEnd(signedAt, CANCELLATION_DAYS) };
    // The act is the relay's: its entry is written as soon as the relay took it, as the log's acts are.
    await deps.team.recordAct({ type: 'team-cancelled', subjects: [], detail: { ...cancelled } });
    return { ok: true, value: cancelled };
  },

  /** A cancelled team has no session: the owner check reads the log this device last validated. */
  restoreTeam: async (): Promise<TeamAnswer<void>> => {
    if (!deps.team) return teamFail({ type: 'not-connected' });
    const open = await deps.team.unlocked();
    if (!open) return teamFail({ type: 'not-connected' });
    await deps.team.loadCached();
    const state = deps.team.latest();
    if (!state) return teamFail({ type: 'not-in-team' });
    if (deviceRole(state, open.keys.signing.deviceId) !== 'owner') return teamFail({ type: 'role-forbidden' });
    const signed = await ownerSigned(open, 'restore', deps.clock);
    if (!signed.ok) return signed;
    const answer = await teamCall(open.transport, '/v1/restore-team', { body: signed.value }, RestoreReplySchema);
    if (!answer.ok) return answer;
    await deps.team.recordAct({ type: 'team-restored', subjects: [], detail: {} });
    return { ok: true, value: undefined };
  },
});
