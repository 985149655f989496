/**
 * A member's WebAuthn key with the relay (core/sync/two-factor-protocol.ts has the messages):
 *
 *   POST /v1/two-factor/options    { team, device, nonce, sig }          → { challenge, credentials, … }
 *   POST /v1/two-factor/register   { team, device, challenge, response } → { registered: true }
 *   POST /v1/two-factor/status     bearer                                → { required, members }
 *
 * Options and register come before a session exists (a team requiring two-factor gives none
 * without a key): options takes the device's signature, and register the challenge only that
 * device was given. The status is for the team's members only: the relay's word for the Users list.
 */
import { TwoFactorOptionsRequestSchema, TwoFactorRegisterRequestSchema } from '../../core/sync/two-factor-protocol';
import { parseMessage, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import type { RouteAnswer, RouteContext } from './route-context';

export const isTwoFactorPath = (path: string): boolean => path.startsWith('/v1/two-factor/');

/** A bearer session of the same team and member that was opened with a verified key. */
const verifiedSessionOfMember = async (context: RouteContext, authorization: string | undefined, team: string, device: string): Promise<boolean> => {
  if (authorization === undefined) return false;
  const caller = await context.auth.authenticate(authorization);
  return caller.team === team && caller.twoFactorVerifiedAt !== null
    && (await context.store.deviceMember(team, caller.device)) === (await context.store.deviceMember(team, device));
};

export const routeTwoFactor = async (path: string, body: Buffer, authorization: string | undefined, context: RouteContext): Promise<RouteAnswer> => {
  switch (path) {
    case '/v1/two-factor/options': {
      const request = parseMessage(TwoFactorOptionsRequestSchema, body);
      await context.auth.proveDevice('two-factor', request, context.relayInstance);
      return { status: 200, body: await context.twoFactor.options(request.team, request.device) };
    }
    case '/v1/two-factor/register': {
      const request = parseMessage(TwoFactorRegisterRequestSchema, body);
      await context.twoFactor.register(request, await verifiedSessionOfMember(context, authorization, request.team, request.device));
      context.log.info({ team: hashId(request.team), device: hashId(request.device) }, 'two-factor key registered');
      return { status: 200, body: { registered: true } };
    }
    case '/v1/two-factor/status': {
      const caller = await context.auth.authenticate(authorization);
      if ((await context.store.deviceMember(caller.team, caller.device)) === null) {
        throw new RelayRefusal(403, 'forbidden', 'The two-factor status is for members of a team with a membership log');
      }
      return {
        status: 200,
        body: { required: await context.store.teamRequiresTwoFactor(caller.team), members: await context.twoFactor.status(caller.team) },
      };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
