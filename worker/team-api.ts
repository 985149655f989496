/**
 * The team capability of a page's worker (worker/contracts/team.ts): every call reads the
 * membership log from the relay and validates it whole before it acts, builds its entry on the
 * head with core/team/build.ts and checks it with the same rules the relay applies.
 */
import type { Clock } from '../core/clock';
import { nameDirectoryOf } from '../core/sync-account/name-directory-of';
import { keyringOf } from '../core/sync-account/team-log-cache';
import type { Result } from '../core/result';
import type { TeamAccount, TeamContext } from '../core/sync-account/team-account';
import type { TeamAnswer } from '../core/sync-account/team-calls';
import { teamCall, teamFail } from '../core/sync-account/team-calls';
import { joinTeam, type JoinRequest } from '../core/sync-account/team-join';
import { joinClaimViews } from '../core/sync-account/join-claims';
import { teamViewOf } from '../core/sync-account/team-view-of';
import { recoveryReady } from '../core/sync-account/team-view-of';
import { DeviceListSchema } from '../core/sync/protocol';
import { TwoFactorStatusReplySchema } from '../core/sync/two-factor-protocol';
import { buildConfirm, buildEntry, buildInvite, buildAddDevice, buildRemoval, teamDeviceOf } from '../core/team/build';
import { formatInviteCode } from '../core/team/invite-secret';
import { newRecoverySecret, recoveryDeviceKeys, recoveryWords } from '../core/team/recovery-key';
import { JoinClaimsReplySchema, type TeamEntry } from '../core/team/schemas';
import type { InviteOffer, TeamProblem } from '../core/team/team-view';
import { normaliseRelayUrl } from '../platform/sync/relay-address';
import type { TeamImplementation } from './contract';
import { createMemberLoginsCall } from './member-logins-api';
import { createTeamCancelCalls } from './team-cancel-api';
import type { TokenSource } from './sync-token';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TeamApiDeps {
  /** Null until this build has a sync account: every call then answers `not-connected`. */
  readonly team: TeamAccount | null;
  readonly token: TokenSource;
  readonly clock: Clock;
  /** The invitee's join, with the worker's identity store and relay (core/sync-account/team-join.ts). */
  readonly join: ((request: JoinRequest) => ReturnType<typeof joinTeam>) | null;
  /** A device that joined starts syncing as its member. */
  readonly identityChanged: () => Promise<void>;
  /** This install's own device id, which its local writes carry (core/db/attribution.ts). */
  readonly localDeviceId?: string;
}

const done = <T>(answer: TeamAnswer<T>): Result<void, TeamProblem> => (answer.ok ? { ok: true, value: undefined } : answer);
const built = async (entry: Promise<TeamEntry>): Promise<TeamAnswer<TeamEntry>> => ({ ok: true, value: await entry });

export const createTeamApi = (deps: TeamApiDeps): TeamImplementation => {
  const { clock } = deps;

  /** Appends what `build` makes on the head, with a session of this device. */
  const change = async (build: (context: TeamContext) => Promise<TeamAnswer<TeamEntry>>): Promise<TeamAnswer<TeamContext>> => {
    const session = await deps.token();
    if (!session.ok) return session;
    if (!deps.team) return teamFail({ type: 'not-connected' });
    return deps.team.change(session.value, build);
  };

  const ownerOnly = (context: TeamContext, member: string): TeamAnswer<TeamEntry> | null =>
    member === context.state.owner ? teamFail({ type: 'last-owner' }) : null;

  return {
    teamView: async () => {
      const session = await deps.token();
      if (!session.ok) return session.error.type === 'not-connected' ? { ok: true, value: null } : session;
      if (!deps.team) return { ok: true, value: null };
      const open = await deps.team.unlocked();
      if (!open) return { ok: true, value: null };
      const context = await deps.team.ensureTeam(session.value);
      if (!context.ok) return context;
      const { state } = context.value;
      await deps.team.inviteSecrets.forgetSpent(state, clock.now());
      const [list, twoFactor, claims, secrets] = await Promise.all([
        teamCall(open.transport, '/v1/devices', { token: session.value }, DeviceListSchema),
        teamCall(open.transport, '/v1/two-factor/status', { token: session.value, body: {} }, TwoFactorStatusReplySchema),
        teamCall(open.transport, '/v1/team/join-claims', { token: session.value, body: {} }, JoinClaimsReplySchema),
        deps.team.inviteSecrets.held(),
      ]);
      const named = await joinClaimViews(state, claims.ok ? claims.value.claims : [], secrets);
      return { ok: true, value: await teamViewOf(context.value, list.ok ? list.value.devices : [], twoFactor.ok ? twoFactor.value : null, named) };
    },

    inviteMember: async (request) => {
      let offer: InviteOffer | null = null;
      let secret: Uint8Array | null = null;
      const changed = await change(async (context) => {
        // Before the first invite the team must survive losing every device of its owner.
        if (!recoveryReady(context.state, context.me) && context.state.members.get(context.me)?.role === 'owner') {
          return teamFail({ type: 'needs-recovery' });
        }
        const invite = await buildInvite(context.state, context.keys, context.ring.key, {
          role: request.role, canExport: request.canExport, ttlMs: request.expiresInDays * DAY_MS,
          profile: { name: request.name ?? '', email: request.email ?? '' },
        }, clock);
        if (invite.entry.body.type !== 'invite') throw new Error('buildInvite builds an invite');
        offer = { inviteId: invite.entry.body.inviteId, code: formatInviteCode(context.state.team, invite.secret), expiresAt: invite.entry.body.expiresAt };
        secret = invite.secret;
        return { ok: true, value: invite.entry };
      });
      if (!changed.ok) return changed;
      if (!offer || !secret || !deps.team) throw new Error('An appended invite has its offer');
      const made: InviteOffer = offer;
      // Kept to read who the join says they are; the invite stands without it (the pending join then shows no name).
      await deps.team.inviteSecrets.remember(made.inviteId, secret, made.expiresAt);
      return { ok: true, value: made };
    },

    revokeInvite: async (inviteId) =>
      done(await change((context) => built(buildEntry(context.state, context.keys, { type: 'revoke-invite', inviteId }, clock)))),

    nameDirectory: async () => {
      const open = deps.team && (await deps.team.unlocked());
      if (!deps.team || !open) return { ok: true, value: null };
      if (!deps.team.latest()) await deps.team.loadCached();
      const state = deps.team.latest();
      const me = state?.devices.get(open.keys.signing.deviceId);
      const ring = state && (await keyringOf(state, open.keys));
      if (!state || !me || !ring) return { ok: true, value: null };
      const thisDevice = [open.identity.deviceId, ...(deps.localDeviceId === undefined ? [] : [deps.localDeviceId])];
      return { ok: true, value: await nameDirectoryOf(state, ring.keys, me.member, thisDevice) };
    },

    confirmJoin: async (joinHash, same) => done(await change(async (context) => {
      const device = [...context.state.devices.values()].find((candidate) => candidate.joinHash === joinHash && candidate.status === 'pending');
      if (!device) return teamFail({ type: 'log-refused', reason: 'join-unknown' });
      if (same) return built(buildConfirm(context.state, context.keys, context.ring.key, joinHash, clock));
      // Declining removes the member who joined; the rotation that comes with it costs one key and keeps one rule.
      return { ok: true, value: (await buildRemoval(context.state, context.keys, context.ring.key, device.member, clock)).entry };
    })),

    joinTeam: async (relayUrl, code, profile, deviceName, onStep) => {
      if (!deps.join) return teamFail({ type: 'not-connected' });
      const origin = normaliseRelayUrl(relayUrl);
      if (!origin.ok) return origin;
      const joined = await deps.join({ relayUrl: origin.value, code, profile, deviceName, onStep });
      if (!joined.ok) return joined;
      await deps.identityChanged();
      return { ok: true, value: undefined };
    },

    changeMember: async (member, change_) => done(await change(async (context) => {
      const current = context.state.members.get(member);
      if (change_.role === 'owner') {
        return current?.role === 'owner' ? teamFail({ type: 'log-refused', reason: 'no-change' })
          : built(buildEntry(context.state, context.keys, { type: 'transfer-ownership', member }, clock));
      }
      return ownerOnly(context, member)
        ?? built(buildEntry(context.state, context.keys, { type: 'change-role', member, role: change_.role, canExport: change_.canExport }, clock));
    })),

    removeMember: async (member) => done(await change(async (context) =>
      ownerOnly(context, member) ?? { ok: true, value: (await buildRemoval(context.state, context.keys, context.ring.key, member, clock)).entry })),

    transferOwnership: async (member) =>
      done(await change((context) => built(buildEntry(context.state, context.keys, { type: 'transfer-ownership', member }, clock)))),

    setRequireTwoFactor: async (required) =>
      done(await change((context) => built(buildEntry(context.state, context.keys, { type: 'require-two-factor', required }, clock)))),

    createRecoveryKey: async () => {
      const secret = newRecoverySecret();
      const device = teamDeviceOf(await recoveryDeviceKeys(secret));
      const changed = await change(async (context) => (context.state.members.get(context.me)?.role !== 'owner'
        ? teamFail({ type: 'role-forbidden' })
        : built(buildAddDevice(context.state, context.keys, context.ring.key, context.me, device, clock, true))));
      return changed.ok ? { ok: true, value: { words: recoveryWords(secret) } } : changed;
    },

    memberLogins: createMemberLoginsCall({ team: deps.team, token: deps.token }),
    ...createTeamCancelCalls({ team: deps.team, token: deps.token, clock }),
  };
};
