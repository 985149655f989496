/**
 * An invitee's device joins a team (issue 13, SYNC.md §8.3): its own vault is set up already; it
 * makes its device keys, signs the join with them and with the key the invite secret derives,
 * shows the fingerprint words and waits for an admin who sees the same words to confirm. The
 * confirmation seals the team key to this device; from then on it opens a session, keeps the
 * key sealed under its own account key like the sync key, and syncs as that member.
 */
import { generateSyncDeviceKeys } from '../sync/device-keys';
import { normaliseDeviceName, sealDeviceName } from '../sync/device-names';
import type { SyncIdentity } from '../sync/ports';
import { DeviceListSchema } from '../sync/protocol';
import { buildJoin, buildProfile, teamDeviceOf } from '../team/build';
import { joinFingerprint } from '../team/fingerprint';
import { inviteIdentity, parseInviteCode } from '../team/invite-secret';
import { sealJoinClaim } from '../team/join-claim';
import { InviteLookupReplySchema, LogAppendReplySchema, LogPullReplySchema, OwnDeviceLabelReplySchema } from '../team/schemas';
import type { JoinStep, MemberProfileInput } from '../team/team-view';
import { validateLog } from '../team/validate';
import { knownDevicesOf, type IdentityStore } from './identity-store';
import { authenticate, call } from './relay-calls';
import type { TeamAccount, TeamAccountDeps } from './team-account';
import { isStaleHead, teamCall, teamFail, type TeamAnswer } from './team-calls';
import { cacheEntries, keyringOf } from './team-log-cache';

/** However long the invite has left, a joining device waits at least this long for an admin. */
const MIN_CONFIRM_WAIT_MS = 60 * 60 * 1000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface JoinRequest {
  readonly relayUrl: string;
  readonly code: string;
  readonly profile: MemberProfileInput;
  readonly deviceName: string;
  readonly onStep: (step: JoinStep) => void;
}

export const joinTeam = async (
  deps: TeamAccountDeps & { readonly store: IdentityStore; readonly team: TeamAccount }, request: JoinRequest,
): Promise<TeamAnswer<SyncIdentity>> => {
  if (await deps.store.identity()) return teamFail({ type: 'already-connected' });
  const parsed = parseInviteCode(request.code);
  if (!parsed) return teamFail({ type: 'bad-invite-code' });
  const { team, secret } = parsed;
  const transport = deps.transportFor(request.relayUrl);
  const { inviteId } = await inviteIdentity(secret);
  const lookup = async () => {
    const found = await teamCall(transport, '/v1/team/invite', { body: { team, inviteId } }, InviteLookupReplySchema);
    return !found.ok && found.error.type === 'relay-refused' && found.error.code === 'not_found' ? teamFail({ type: 'bad-invite-code' }) : found;
  };

  const { keys, exported } = await generateSyncDeviceKeys();
  const deviceName = normaliseDeviceName(request.deviceName);
  // Who asks, for the admin who made the invite (and so holds its secret): their own word until the fingerprint words prove it.
  const claim = await sealJoinClaim(secret, { team, inviteId, device: keys.signing.deviceId }, { ...request.profile, deviceName });
  let expiresAt: number;
  for (let attempt = 0; ; attempt += 1) {
    const found = await lookup();
    if (!found.ok) return found;
    const { invite, head, member } = found.value;
    if (invite.body.type !== 'invite' || !head.hash) return teamFail({ type: 'bad-invite-code' });
    if (member !== undefined && member !== 'invited') return teamFail({ type: 'invite-used' });
    if (deps.clock.now() > invite.body.expiresAt) return teamFail({ type: 'invite-expired' });
    expiresAt = invite.body.expiresAt;
    const entry = await buildJoin(team, { seq: head.seq, hash: head.hash, at: head.at }, { inviteId, member: invite.body.member }, secret, keys, invite.body.role, deps.clock);
    const joined = await teamCall(transport, '/v1/team/join', { body: { team, entry, claim } }, LogAppendReplySchema);
    if (joined.ok) break;
    if (!isStaleHead(joined.error) || attempt >= 3) return joined;
  }

  request.onStep({ phase: 'waiting-for-confirmation', words: await joinFingerprint(team, inviteId, teamDeviceOf(keys)) });
  const until = Math.max(expiresAt, deps.clock.now() + MIN_CONFIRM_WAIT_MS);
  let token: string | null = null;
  while (!token) {
    // The relay lets a device open a session once the log holds its confirmation.
    const session = await authenticate(transport, team, keys.signing, 'session');
    if (session.ok) token = session.value.token;
    else {
      const found = await lookup();
      if (found.ok && found.value.member === 'removed') {
        request.onStep({ phase: 'declined' });
        return teamFail({ type: 'removed' });
      }
      if (deps.clock.now() > until) return teamFail({ type: 'invite-expired' });
      await sleep(deps.pollMs ?? 2000);
    }
  }

  const log = await teamCall(transport, '/v1/team/log', { token, body: { since: 0 } }, LogPullReplySchema);
  if (!log.ok) return log;
  const validated = await validateLog(log.value.entries, { clock: deps.clock });
  if (!validated.ok) return teamFail({ type: 'log-refused', reason: validated.error.type });
  const ring = await keyringOf(validated.value, keys);
  const list = await call(transport, '/v1/devices', { token }, DeviceListSchema);
  if (!ring || !list.ok) return ring ? list as TeamAnswer<never> : teamFail({ type: 'not-in-team' });
  const identity: SyncIdentity = {
    relayUrl: request.relayUrl, team, deviceId: keys.signing.deviceId, deviceName, epoch: ring.epoch,
  };
  await cacheEntries(deps.db, log.value.entries);
  await deps.store.commit(
    { identity: { identity, secrets: { deviceKeys: exported, syncKey: ring.key } }, devices: knownDevicesOf(list.value.devices) },
    { type: 'sync-connected', detail: { team: true } },
  );
  // The device's name and the member's own name and email, now that they hold the key to seal them under; the join stands without them.
  const label = await sealDeviceName(ring.key, team, keys.signing.deviceId, deviceName);
  await teamCall(transport, '/v1/team/device-label', { token, body: { label } }, OwnDeviceLabelReplySchema);
  await deps.team.change(token, async (context) => ({
    ok: true, value: await buildProfile(context.state, context.keys, context.ring.key, context.me, request.profile, deps.clock),
  }));
  request.onStep({ phase: 'confirmed' });
  return { ok: true, value: identity };
};
