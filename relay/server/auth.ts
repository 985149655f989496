/**
 * Device authentication: a single-use nonce, signed with the device's Ed25519 key, buys a bearer
 * token. The relay keeps only the token's SHA-256, so its database cannot be replayed as sessions.
 * In a team whose log requires two-factor, the session also needs a WebAuthn assertion the relay
 * verifies (two-factor.ts); a session without one is refused at every request while it is required.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { Session, TwoFactorProof } from '../../core/sync/protocol';
import { authMessage, deviceIdFromPublicKey, verifyBytes } from '../../core/sync/signing';
import type { RelayStore } from '../store/store';
import { RelayRefusal } from './http-kit';
import type { RelayTwoFactor } from './two-factor';

export const NONCE_TTL_MS = 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string): Uint8Array => new Uint8Array(createHash('sha256').update(token).digest());

/** A cancelled team (or one deleted after its cancellation) gets no session and no answer. */
const refuseCancelled = async (store: RelayStore, team: string): Promise<void> => {
  if (await store.teamRefused(team)) throw new RelayRefusal(403, 'team_cancelled', 'The owner cancelled this team');
};

const bytesOrRefuse = (base64url: string, what: string): Uint8Array => {
  const bytes = fromBase64Url(base64url);
  if (!bytes) throw new RelayRefusal(400, 'bad_request', `${what} is not base64url`);
  return bytes;
};

export interface Caller {
  readonly team: string;
  readonly device: string;
  /** When the relay verified this session's second factor; null for a session opened without one. */
  readonly twoFactorVerifiedAt: number | null;
}

export const createAuth = (store: RelayStore, now: () => number, twoFactor: RelayTwoFactor) => {
  const mintSession = async (team: string, device: string, relayInstance: string, twoFactorAt: number | null = null): Promise<Session> => {
    const token = toBase64Url(randomBytes(32));
    const expiresAt = now() + SESSION_TTL_MS;
    await store.createSession(team, device, hashToken(token), expiresAt, twoFactorAt);
    // What owners and admins see under Recent logins: the start and whether the relay verified a second factor.
    await store.recordSessionStart(team, device, twoFactorAt !== null);
    return { token, expiresAt, relayInstance };
  };

  const checkSignedNonce = async (
    purpose: 'register' | 'session' | 'two-factor', relayInstance: string, request: { team: string; device: string; nonce: string; sig: string }, publicKey: Uint8Array,
  ): Promise<void> => {
    if (!(await store.consumeNonce(request.team, request.device, bytesOrRefuse(request.nonce, 'nonce')))) {
      throw new RelayRefusal(401, 'bad_nonce', 'Unknown, used or expired nonce: ask for a new challenge');
    }
    const message = authMessage(purpose, relayInstance, request.team, request.device, request.nonce);
    if (!(await verifyBytes(publicKey, request.sig, message))) throw new RelayRefusal(401, 'bad_signature', 'The signature does not verify');
  };

  const proveDevice = async (
    purpose: 'session' | 'two-factor', request: { team: string; device: string; nonce: string; sig: string }, relayInstance: string,
  ): Promise<void> => {
    const device = await store.getDevice(request.team, request.device);
    if (!device) throw new RelayRefusal(403, 'unknown_device', 'This device is not enrolled in this team');
    if (device.removed) throw new RelayRefusal(403, 'removed', 'This device was removed from the team');
    await checkSignedNonce(purpose, relayInstance, request, device.publicKey);
  };

  return {
    challenge: async (team: string, device: string): Promise<string> => {
      // A cancelled team still gets challenges (its owner signs a restore over one); a deleted one leaves no row again.
      if (await store.teamDeleted(team)) throw new RelayRefusal(403, 'team_cancelled', 'The owner cancelled this team');
      const nonce = randomBytes(32);
      await store.issueNonce(team, device, nonce, NONCE_TTL_MS);
      return toBase64Url(nonce);
    },

    /** The first device of a new team; its id must be the one its key derives. */
    register: async (
      request: { team: string; device: string; publicKey: string; nonce: string; sig: string; label?: string }, relayInstance: string,
    ): Promise<Session> => {
      const publicKey = bytesOrRefuse(request.publicKey, 'publicKey');
      if ((await deviceIdFromPublicKey(publicKey)) !== request.device) throw new RelayRefusal(400, 'bad_request', 'The device id does not match its public key');
      await checkSignedNonce('register', relayInstance, request, publicKey);
      await refuseCancelled(store, request.team);
      if ((await store.createTeam(request.team, request.device, publicKey, request.label)) === 'team_exists') {
        throw new RelayRefusal(409, 'team_exists', 'A team with this id exists');
      }
      return mintSession(request.team, request.device, relayInstance);
    },

    /** The device signature comes first: only the device itself learns what its second factor lacks. */
    session: async (
      request: { team: string; device: string; nonce: string; sig: string; twoFactor?: TwoFactorProof }, relayInstance: string,
    ): Promise<Session> => {
      await proveDevice('session', request, relayInstance);
      await refuseCancelled(store, request.team);
      const twoFactorAt = await twoFactor.gateSession(request.team, request.device, request.twoFactor);
      return mintSession(request.team, request.device, relayInstance, twoFactorAt);
    },

    /** An enrolled device signing a fresh nonce for `purpose` (a two-factor challenge, before it has a session). */
    proveDevice: (purpose: 'two-factor', request: { team: string; device: string; nonce: string; sig: string }, relayInstance: string) =>
      proveDevice(purpose, request, relayInstance),

    /**
     * The caller behind a bearer token; a removed device learns so instead of a bare 401, and a
     * session without a verified second factor is refused while the team requires one.
     */
    authenticate: async (authorization: string | undefined): Promise<Caller> => {
      const token = /^Bearer ([A-Za-z0-9_-]{1,64})$/.exec(authorization ?? '')?.[1];
      const session = token ? await store.resolveSession(hashToken(token)) : undefined;
      if (!session) throw new RelayRefusal(401, 'unauthorized', 'Open a session first');
      if (session.removed) throw new RelayRefusal(403, 'removed', 'This device was removed from the team');
      await refuseCancelled(store, session.team);
      if (session.twoFactorRequired && session.twoFactorVerifiedAt === undefined) {
        throw new RelayRefusal(403, 'two_factor_required', 'The team requires two-factor: open a new session with a security key');
      }
      return { team: session.team, device: session.device, twoFactorVerifiedAt: session.twoFactorVerifiedAt ?? null };
    },
  };
};

export type RelayAuth = ReturnType<typeof createAuth>;
