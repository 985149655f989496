/**
 * The team membership log's HTTP API. Reading and appending take a bearer token; the invitee's
 * device has none yet, so looking up an invite and appending a join take only the team and what
 * the invite secret gives (its id; the join's signature with the invite key).
 *
 *   POST /v1/team/log       bearer; { since }           → { entries, head }
 *   POST /v1/team/append    bearer; { entry }           → { seq, hash }   (the signer is the caller)
 *   POST /v1/team/invite    { team, inviteId }          → { invite, head }
 *   POST /v1/team/join      { team, entry, claim? }     → { seq, hash }   (a join only; `claim` is opaque, kept while it waits)
 *   POST /v1/team/join-claims  bearer                   → { claims }      (the pending joins' sealed claims)
 *   POST /v1/team/device-label bearer; { label }        → { labelled }    (the caller's own device's sealed name)
 *
 * Refusals: `stale_head` (409: read the log again and rebuild), `role_forbidden` (403),
 * `bad_signature` (401), `invalid_entry` (400, the log's refusal type as detail), `invite_locked`
 * (403): five failed lookups or joins with that invite, or from that address within the hour
 * (relay/store/join-limits.ts); a stale head is nobody's mistake and is not counted.
 */
import { fromBase64Url } from '../../core/security/base64url';
import { verifyBytes } from '../../core/sync/signing';
import { inviteProofBytes } from '../../core/team/encoding';
import type { LogRefusal } from '../../core/team/refusals';
import {
  InviteLookupRequestSchema, JoinRequestSchema, LogAppendRequestSchema, LogPullRequestSchema, OwnDeviceLabelRequestSchema, type TeamEntry,
} from '../../core/team/schemas';
import type { JoinAttempt } from '../store/join-limits';
import type { RelayStore } from '../store/store';
import { parseMessage, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import type { RouteAnswer, RouteContext } from './route-context';

export const isTeamPath = (path: string | undefined): boolean => path?.startsWith('/v1/team/') ?? false;

const refuse = (refused: LogRefusal): never => {
  const detail = `${refused.type} at ${refused.seq}${refused.detail ? `: ${refused.detail}` : ''}`;
  switch (refused.type) {
    case 'stale-head':
    case 'fork':
    case 'broken-chain':
      throw new RelayRefusal(409, 'stale_head', detail);
    case 'role-forbidden':
      throw new RelayRefusal(403, 'role_forbidden', detail);
    case 'forged-signature':
      throw new RelayRefusal(401, 'bad_signature', detail);
    default:
      throw new RelayRefusal(400, 'invalid_entry', detail);
  }
};

const append = async (context: RouteContext, team: string, entry: TeamEntry, claim?: string): Promise<RouteAnswer> => {
  const appended = await context.store.appendTeamEntry(team, entry, claim);
  if (appended.kind === 'unknown_team') throw new RelayRefusal(404, 'not_found', 'No such team');
  if (appended.kind === 'refused') {
    context.log.info({ team: hashId(team), type: entry.body.type, refused: appended.refusal.type }, 'team entry refused');
    return refuse(appended.refusal);
  }
  for (const device of appended.removedDevices) context.disconnect(team, device);
  context.pokeMembers?.(team, appended.seq);
  context.log.info({ team: hashId(team), type: entry.body.type, seq: appended.seq, removedDevices: appended.removedDevices.length }, 'team entry');
  return { status: 200, body: { seq: appended.seq, hash: appended.hash } };
};

/**
 * Runs an invitee's request under the attempt limit: refused outright once the invite or the
 * address is locked; a refusal it ends in counts against both, unless the head only moved.
 */
const limitedAttempt = async (context: RouteContext, attempt: JoinAttempt, run: () => Promise<RouteAnswer>): Promise<RouteAnswer> => {
  if (await context.store.joinLocked(attempt)) {
    throw new RelayRefusal(403, 'invite_locked', 'Too many failed attempts with this invite: ask for a new one');
  }
  try {
    return await run();
  } catch (error) {
    if (error instanceof RelayRefusal && error.status < 500 && error.code !== 'stale_head') {
      await context.store.recordJoinFailure(attempt);
      context.log.info({ team: hashId(attempt.team), code: error.code }, 'join attempt failed');
    }
    throw error;
  }
};

export const routeTeam = async (
  path: string, body: Buffer, authorization: string | undefined, context: RouteContext, address: string,
): Promise<RouteAnswer> => {
  const store: RelayStore = context.store;
  switch (path) {
    case '/v1/team/invite': {
      const { team, inviteId } = parseMessage(InviteLookupRequestSchema, body);
      if (await store.teamRefused(team)) throw new RelayRefusal(403, 'team_cancelled', 'The owner cancelled this team');
      return limitedAttempt(context, { team, inviteId, address }, async () => {
        const found = await store.findInvite(team, inviteId);
        if (!found) throw new RelayRefusal(404, 'not_found', 'No such invite');
        return { status: 200, body: found };
      });
    }
    case '/v1/team/join': {
      const { team, entry, claim } = parseMessage(JoinRequestSchema, body);
      if (await store.teamRefused(team)) throw new RelayRefusal(403, 'team_cancelled', 'The owner cancelled this team');
      if (entry.body.type !== 'join') throw new RelayRefusal(403, 'forbidden', 'Only a join is taken without a session');
      const { inviteId } = entry.body;
      return limitedAttempt(context, { team, inviteId, address }, async () => {
        // Anyone may call this: without the invite secret a join is refused here, before the log is read and validated.
        const found = await store.findInvite(team, inviteId);
        const invitePub = found?.invite.body.type === 'invite' ? fromBase64Url(found.invite.body.invitePub) : null;
        if (!invitePub) throw new RelayRefusal(404, 'not_found', 'No such invite');
        if (!entry.inviteSig || !(await verifyBytes(invitePub, entry.inviteSig, inviteProofBytes(entry)))) {
          throw new RelayRefusal(400, 'invalid_entry', 'device-key-substituted: not signed with the invite key');
        }
        return append(context, team, entry, claim);
      });
    }
    default:
      break;
  }
  const caller = await context.auth.authenticate(authorization);
  switch (path) {
    case '/v1/team/log': {
      const { since } = parseMessage(LogPullRequestSchema, body);
      return { status: 200, body: await store.readTeamLog(caller.team, since) };
    }
    case '/v1/team/append': {
      const { entry } = parseMessage(LogAppendRequestSchema, body);
      if (entry.signer !== caller.device) throw new RelayRefusal(403, 'forbidden', 'A device appends the entries it signed');
      if (entry.body.type === 'join') throw new RelayRefusal(403, 'forbidden', 'A join comes from the joining device');
      return append(context, caller.team, entry);
    }
    case '/v1/team/join-claims':
      return { status: 200, body: { claims: await store.joinClaims(caller.team) } };
    case '/v1/team/device-label': {
      const { label } = parseMessage(OwnDeviceLabelRequestSchema, body);
      return { status: 200, body: { labelled: await store.setDeviceLabel(caller.team, caller.device, label) } };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
