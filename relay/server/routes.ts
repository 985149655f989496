/**
 * The relay's HTTP API. Every body is validated by the core/sync schemas before anything else runs.
 *
 *   POST /v1/challenge        { team, device }                      → { nonce, relayTime, relayInstance }
 *   POST /v1/register         first device of a new team, signed    → session
 *   POST /v1/session          an enrolled device, signed            → session
 *   POST /v1/push             bearer; { reqId, sets }               → ack (after commit)
 *   POST /v1/pull             bearer; { since, limit? }             → { sets, head, more, relayInstance }
 *   GET  /v1/devices          bearer                                → { devices }
 *   POST /v1/devices/add      bearer; { publicKey, sig }            → { device }
 *   POST /v1/devices/remove   bearer; { device, sig }               → { removed }
 *   POST /v1/pairing/…        the pairing mailbox (pairing-routes.ts)
 *   POST /v1/team/…           the team membership log (team-routes.ts)
 *   /v1/team/sessions, /v1/team/unlocks   members' recent logins, for owners and admins (member-login-routes.ts)
 *   /v1/relay-key, /v1/erasures…, /v1/cancel-team, /v1/restore-team, /v1/team-cancellation  (relay/retention/routes.ts)
 *   POST /v1/two-factor/…     a member's WebAuthn key with the relay (two-factor-routes.ts)
 *   POST /v1/recovery/team    { device } → { team | null }: a printed recovery key's team (recovery-routes.ts)
 *   POST /v1/snapshots/…      encrypted snapshots (snapshot-routes.ts); a pull from below the log's floor is `410 gone`
 *
 * In a team with a membership log, a push is refused set by set (`role_forbidden`) when the
 * pushing member's role may not push it (core/team/roles.ts).
 */
import type { IncomingMessage } from 'node:http';
import {
  AddDeviceRequestSchema, ChallengeRequestSchema, PullRequestSchema, PushRequestSchema, RegisterRequestSchema,
  RemoveDeviceRequestSchema, SessionRequestSchema, LIMITS,
} from '../../core/sync/protocol';
import { fromBase64Url } from '../../core/security/base64url';
import { addDeviceMessage, deviceIdFromPublicKey, removeDeviceMessage, verifyBytes } from '../../core/sync/signing';
import type { RelayStore } from '../store/store';
import { parseMessage, readBody, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import { isRetentionPath, routeRetention } from '../retention/routes';
import { isPairingPath, routePairing } from './pairing-routes';
import { handlePush } from './push';
import { isMemberLoginPath, memberLoginMethodAllowed, routeMemberLogins } from './member-login-routes';
import { isTeamPath, routeTeam } from './team-routes';
import { isTwoFactorPath, routeTwoFactor } from './two-factor-routes';
import { isRecoveryPath, routeRecovery } from './recovery-routes';
import { isSnapshotPath, routeSnapshots } from './snapshot-routes';
import type { RouteAnswer, RouteContext } from './route-context';

export type { RouteAnswer, RouteContext } from './route-context';


const signerKey = async (store: RelayStore, team: string, device: string): Promise<Uint8Array> => {
  const row = await store.getDevice(team, device);
  if (!row || row.removed) throw new RelayRefusal(403, 'removed', 'This device was removed from the team');
  return row.publicKey;
};

export const route = async (request: IncomingMessage, context: RouteContext): Promise<RouteAnswer> => {
  const { store, auth, log, relayInstance } = context;
  const path = (request.url ?? '/').split('?')[0];
  if (path && isRetentionPath(path)) {
    const body = request.method === 'POST' ? await readBody(request, context.maxBodyBytes) : Buffer.alloc(0);
    return routeRetention(path, request.method, body, request.headers.authorization, context);
  }
  if (isMemberLoginPath(path)) {
    if (!memberLoginMethodAllowed(path, request.method)) throw new RelayRefusal(404, 'not_found', 'No such endpoint');
    const body = request.method === 'POST' ? await readBody(request, context.maxBodyBytes) : Buffer.alloc(0);
    return routeMemberLogins(path ?? '', request.method, body, request.headers.authorization, context);
  }
  if (request.method !== 'POST' && !(request.method === 'GET' && path === '/v1/devices')) {
    throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
  const body = request.method === 'POST' ? await readBody(request, context.maxBodyBytes) : Buffer.alloc(0);
  if (path && isPairingPath(path)) return routePairing(path, body, request.headers.authorization, context);
  if (path && isTeamPath(path)) return routeTeam(path, body, request.headers.authorization, context, context.clientAddress);
  if (path && isTwoFactorPath(path)) return routeTwoFactor(path, body, request.headers.authorization, context);
  if (path && isRecoveryPath(path)) return routeRecovery(body, context);
  if (path && isSnapshotPath(path)) return routeSnapshots(path, body, request.headers.authorization, context);

  if (path === '/v1/challenge' || path === '/v1/register' || path === '/v1/session') await context.limits.authAttempt(context.clientAddress);
  switch (path) {
    case '/v1/challenge': {
      const { team, device } = parseMessage(ChallengeRequestSchema, body);
      return { status: 200, body: { nonce: await auth.challenge(team, device), relayTime: context.now(), relayInstance } };
    }
    case '/v1/register': {
      const session = await auth.register(parseMessage(RegisterRequestSchema, body), relayInstance);
      return { status: 200, body: session };
    }
    case '/v1/session': {
      const session = await auth.session(parseMessage(SessionRequestSchema, body), relayInstance);
      return { status: 200, body: session };
    }
    default:
      break;
  }

  const caller = await auth.authenticate(request.headers.authorization);
  const tags = { team: hashId(caller.team), device: hashId(caller.device) };
  switch (path) {
    case '/v1/push': {
      await context.limits.pushedBytes(caller.team, body.length);
      const push = parseMessage(PushRequestSchema, body);
      const publicKey = await signerKey(store, caller.team, caller.device);
      const outcome = await handlePush(store, caller, publicKey, push, (await store.deviceAccess(caller.team, caller.device)).role);
      const refused = outcome.results.flatMap((result) => ('error' in result ? [result.error] : []));
      log.info({ ...tags, sets: push.sets.length, stored: outcome.stored, head: outcome.head, refused, ciphertextsDropped: outcome.ciphertextsDropped }, 'push');
      if (outcome.stored > 0) context.poke(caller.team, outcome.head);
      return { status: 200, body: { reqId: push.reqId, results: outcome.results, head: outcome.head, relayInstance } };
    }
    case '/v1/pull': {
      const { since, limit, fromSnapshot } = parseMessage(PullRequestSchema, body);
      // The log was truncated past this cursor: the device bootstraps from the latest snapshot.
      if (!fromSnapshot && since < (await store.logFloor(caller.team))) throw new RelayRefusal(410, 'gone', 'The log starts after this cursor: read /v1/snapshots/latest');
      const pulled = await store.pullSets(caller.team, since, limit ?? LIMITS.maxPullSets);
      log.debug({ ...tags, since, sets: pulled.sets.length, head: pulled.head }, 'pull');
      return { status: 200, body: { ...pulled, relayInstance } };
    }
    case '/v1/devices':
      if (request.method === 'GET') return { status: 200, body: { devices: await store.listDevices(caller.team) } };
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
    case '/v1/devices/add': {
      const { publicKey, sig, label } = parseMessage(AddDeviceRequestSchema, body);
      const keyBytes = fromBase64Url(publicKey);
      if (!keyBytes) throw new RelayRefusal(400, 'bad_request', 'publicKey is not base64url');
      if (!(await verifyBytes(await signerKey(store, caller.team, caller.device), sig, addDeviceMessage(caller.team, caller.device, publicKey)))) {
        throw new RelayRefusal(401, 'bad_signature', 'The signature does not verify');
      }
      const device = await deviceIdFromPublicKey(keyBytes);
      const added = await store.addDevice(caller.team, device, keyBytes, caller.device, label);
      if (added === 'removed') throw new RelayRefusal(403, 'removed', 'A removed device cannot be added again');
      log.info({ ...tags, added: hashId(device), outcome: added }, 'device added');
      return { status: 200, body: { device } };
    }
    case '/v1/devices/remove': {
      const { device, sig } = parseMessage(RemoveDeviceRequestSchema, body);
      if (!(await verifyBytes(await signerKey(store, caller.team, caller.device), sig, removeDeviceMessage(caller.team, caller.device, device)))) {
        throw new RelayRefusal(401, 'bad_signature', 'The signature does not verify');
      }
      // In a team, a device removes only its own member's devices; members leave through the log.
      if ((await store.deviceMember(caller.team, device)) !== (await store.deviceMember(caller.team, caller.device))) {
        throw new RelayRefusal(403, 'role_forbidden', 'Another member\'s device is removed with that member, in the team log');
      }
      const removed = await store.removeDevice(caller.team, device);
      if (removed) context.disconnect(caller.team, device);
      log.info({ ...tags, removedDevice: hashId(device), removed }, 'device removed');
      return { status: 200, body: { removed } };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
