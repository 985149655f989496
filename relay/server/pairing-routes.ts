/**
 * The pairing mailbox's HTTP API (core/sync/protocol.ts, "pairing"). Opening a slot and posting
 * the `welcome` take the enrolled device's bearer token; the new device has no session yet, so
 * `join`, `accept`, reading and closing take only the slot, which only holders of the secret know.
 *
 *   POST /v1/pairing/open    bearer; { slot, offer }        → { expiresAt }
 *   POST /v1/pairing/post    { slot, kind, msg } (bearer for `welcome`) → { posted: true }
 *   POST /v1/pairing/read    { slot }                       → { offer, join?, accept?, welcome?, expiresAt }
 *   POST /v1/pairing/close   { slot }                       → { closed }
 */
import {
  PAIRING_TTL_MS, PairingOpenRequestSchema, PairingPostRequestSchema, PairingSlotRequestSchema,
} from '../../core/sync/protocol';
import { parseMessage, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import type { RouteAnswer, RouteContext } from './route-context';

const refuseMissing = (outcome: 'not_found' | 'expired'): never => {
  if (outcome === 'expired') throw new RelayRefusal(410, 'expired', 'This pairing expired: start again');
  throw new RelayRefusal(404, 'not_found', 'No such pairing');
};

export const isPairingPath = (path: string | undefined): boolean => path?.startsWith('/v1/pairing/') ?? false;

export const routePairing = async (path: string, body: Buffer, authorization: string | undefined, context: RouteContext): Promise<RouteAnswer> => {
  const { store, auth, log } = context;
  switch (path) {
    case '/v1/pairing/open': {
      const caller = await auth.authenticate(authorization);
      const { slot, offer } = parseMessage(PairingOpenRequestSchema, body);
      const opened = await store.openPairing(slot, caller.team, offer, PAIRING_TTL_MS);
      if (opened === 'exists') throw new RelayRefusal(409, 'conflict', 'This pairing slot is taken');
      log.info({ team: hashId(caller.team), device: hashId(caller.device) }, 'pairing opened');
      return { status: 200, body: opened };
    }
    case '/v1/pairing/post': {
      const { slot, kind, msg } = parseMessage(PairingPostRequestSchema, body);
      const team = kind === 'welcome' ? (await auth.authenticate(authorization)).team : undefined;
      const posted = await store.postPairing(slot, kind, msg, team);
      if (posted === 'not_found' || posted === 'expired') return refuseMissing(posted);
      if (posted === 'forbidden') throw new RelayRefusal(403, 'forbidden', 'This pairing belongs to another team');
      if (posted === 'conflict') throw new RelayRefusal(409, 'conflict', `This pairing already has its ${kind} message`);
      return { status: 200, body: { posted: true } };
    }
    case '/v1/pairing/read': {
      const read = await store.readPairing(parseMessage(PairingSlotRequestSchema, body).slot);
      if (read === 'not_found' || read === 'expired') return refuseMissing(read);
      return { status: 200, body: read };
    }
    case '/v1/pairing/close': {
      const closed = await store.closePairing(parseMessage(PairingSlotRequestSchema, body).slot);
      return { status: 200, body: { closed } };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
