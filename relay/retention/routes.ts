/**
 * The retention and erasure API (SYNC.md §10, §11):
 *
 *   GET  /v1/relay-key            → { publicKey }                  the key erasure receipts are signed with
 *   POST /v1/erasures             bearer; { since }               → { receipts }   signed, in seq order
 *   POST /v1/erasures/ack         bearer; { idHash }              → { acknowledged: true }   after erasing locally
 *   POST /v1/erasures/status      bearer; { idHash }              → { idHash, devices, acknowledged, pending }
 *   POST /v1/tombstones           bearer; { idHashes }            → { tombstones }   which ids are ended, and whether by the trash rule
 *   POST /v1/cancel-team          { team, device, nonce, signedAt, sig }  → { cancelledAt }   owner-signed
 *   POST /v1/restore-team         { team, device, nonce, signedAt, sig }  → { restored: true }  within 14 days
 *   POST /v1/team-cancellation    { team }                        → { cancellation, relayInstance }
 *
 * Cancel and restore take no session (a cancelled team gets none): the nonce from `/v1/challenge`
 * and the signature of an owner's device are the proof.
 */
import * as v from 'valibot';
import { ErasureAckRequestSchema, ErasureStatusRequestSchema, erasureReceiptMessage } from '../../core/erasure/relay-receipt';
import { fromBase64Url } from '../../core/security/base64url';
import { PullRequestSchema } from '../../core/sync/protocol';
import { TombstoneQuerySchema } from '../../core/sync/relay-ended';
import {
  TeamCancellationLookupSchema, TeamCancellationRequestSchema, verifyTeamCancellation, type TeamCancellationRequest,
} from '../../core/sync/team-cancellation';
import { parseMessage, RelayRefusal } from '../server/http-kit';
import { hashId } from '../server/logger';
import type { RouteAnswer, RouteContext } from '../server/route-context';

/** A signed cancellation's time may differ from the relay's by this much. */
export const SIGNED_AT_SLACK_MS = 10 * 60 * 1000;

const PATHS = new Set(['/v1/relay-key', '/v1/erasures', '/v1/erasures/ack', '/v1/erasures/status', '/v1/tombstones', '/v1/cancel-team', '/v1/restore-team', '/v1/team-cancellation']);
export const isRetentionPath = (path: string | undefined): boolean => path !== undefined && PATHS.has(path);

const SinceSchema = v.strictObject({ since: v.optional(PullRequestSchema.entries.since) });

/** The owner's device, its nonce, its time and its signature, or a refusal. */
const checkOwnerSigned = async (context: RouteContext, action: 'cancel' | 'restore', request: TeamCancellationRequest): Promise<void> => {
  const { store } = context;
  if (!(await store.consumeNonce(request.team, request.device, fromBase64Url(request.nonce) ?? new Uint8Array()))) {
    throw new RelayRefusal(401, 'bad_nonce', 'Unknown, used or expired nonce: ask for a new challenge');
  }
  const device = await store.getDevice(request.team, request.device);
  if (!device || device.removed) throw new RelayRefusal(403, 'unknown_device', 'This device is not enrolled in this team');
  const { role } = await store.deviceAccess(request.team, request.device);
  // A team without a membership log is its one owner's; in a team, only an owner's device.
  if (role !== null && role !== 'owner') throw new RelayRefusal(403, 'role_forbidden', 'Only an owner cancels or restores the team');
  if (!(await verifyTeamCancellation(device.publicKey, action, context.relayInstance, request))) {
    throw new RelayRefusal(401, 'bad_signature', 'The signature does not verify');
  }
  if (Math.abs(request.signedAt - context.now()) > SIGNED_AT_SLACK_MS) throw new RelayRefusal(400, 'clock_skew', 'signedAt is too far from the relay\'s time');
};

export const routeRetention = async (
  path: string, method: string | undefined, body: Buffer, authorization: string | undefined, context: RouteContext,
): Promise<RouteAnswer> => {
  const { store, log } = context;
  const relayKey = await store.relayKey();
  if (path === '/v1/relay-key') {
    if (method !== 'GET') throw new RelayRefusal(404, 'not_found', 'No such endpoint');
    return { status: 200, body: { publicKey: relayKey.publicKey } };
  }
  if (method !== 'POST') throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  switch (path) {
    case '/v1/cancel-team': {
      const request = parseMessage(TeamCancellationRequestSchema, body);
      await checkOwnerSigned(context, 'cancel', request);
      await store.cancelTeam(request);
      const stored = await store.teamCancellation(request.team);
      // Sockets already open hear nothing more from a cancelled team.
      for (const device of await store.listDevices(request.team)) context.disconnect(request.team, device.device);
      log.info({ team: hashId(request.team) }, 'team cancelled');
      return { status: 200, body: { cancelledAt: stored?.cancelledAt ?? context.now() } };
    }
    case '/v1/restore-team': {
      const request = parseMessage(TeamCancellationRequestSchema, body);
      await checkOwnerSigned(context, 'restore', request);
      const restored = await store.restoreTeam(request.team);
      log.info({ team: hashId(request.team), outcome: restored }, 'team restore');
      if (restored === 'expired') throw new RelayRefusal(410, 'expired', 'The 14 days to restore this team have passed');
      if (restored === 'not_cancelled') throw new RelayRefusal(409, 'conflict', 'This team is not cancelled');
      return { status: 200, body: { restored: true } };
    }
    case '/v1/team-cancellation': {
      const { team } = parseMessage(TeamCancellationLookupSchema, body);
      return { status: 200, body: { cancellation: (await store.teamCancellation(team)) ?? null, relayInstance: context.relayInstance } };
    }
    default:
      break;
  }
  const caller = await context.auth.authenticate(authorization);
  switch (path) {
    case '/v1/erasures': {
      const { since } = parseMessage(SinceSchema, body);
      const rows = await store.listErasures(caller.team, since ?? 0);
      return { status: 200, body: { receipts: rows.map((row) => ({ ...row, sig: relayKey.sign(erasureReceiptMessage(row)) })) } };
    }
    case '/v1/erasures/ack': {
      const { idHash } = parseMessage(ErasureAckRequestSchema, body);
      if (!(await store.acknowledgeErasure(caller.team, idHash, caller.device))) throw new RelayRefusal(404, 'not_found', 'No such erasure');
      log.info({ team: hashId(caller.team), device: hashId(caller.device) }, 'erasure acknowledged');
      return { status: 200, body: { acknowledged: true } };
    }
    case '/v1/erasures/status': {
      const { idHash } = parseMessage(ErasureStatusRequestSchema, body);
      const status = await store.erasureStatus(caller.team, idHash);
      if (!status) throw new RelayRefusal(404, 'not_found', 'No such erasure');
      return { status: 200, body: status };
    }
    case '/v1/tombstones': {
      const { idHashes } = parseMessage(TombstoneQuerySchema, body);
      return { status: 200, body: { tombstones: await store.tombstonesOf(caller.team, idHashes) } };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
