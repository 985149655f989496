/**
 * A device's session with the relay: challenge → signed `session` request → bearer token, renewed
 * before it expires and once on a 401. Every answer is validated before use; a refusal becomes a
 * SyncFailure carrying its SyncProblem code.
 */
import type { Clock } from '../../clock';
import type { RelayAnswer, RelayTransport, SyncCrypto } from '../ports';
import { ChallengeSchema, SessionSchema } from '../protocol';
import { toBase64Url } from '../../security/base64url';
import { authMessage } from '../signing';
import { parseAnswer, problemOfAnswer, SyncFailure } from './relay-problem';

/** Renew this long before the relay's expiry, so a request never races it. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export interface RelaySessionDeps {
  readonly transport: RelayTransport;
  readonly crypto: SyncCrypto;
  readonly team: string;
  readonly clock: Clock;
}

export interface OpenSession {
  readonly token: string;
  readonly relayInstance: string;
  /** On this device's clock: the relay's expiry shifted by the offset seen at the challenge. */
  readonly renewAt: number;
}

export interface RelaySession {
  /** The current session, opening or renewing it when needed. */
  readonly current: () => Promise<OpenSession>;
  /** An authenticated request; a 401 renews the session and tries once more. Non-200 throws. */
  readonly call: (path: string, body?: unknown) => Promise<unknown>;
  /** Forgets the token (the socket was refused, or sync stopped). */
  readonly drop: () => void;
}

/** A transport failure (no answer at all) is the relay being unreachable. */
export const send = async (transport: RelayTransport, path: string, init: { body?: unknown; token?: string }): Promise<RelayAnswer> => {
  try {
    return await transport.request(path, init);
  } catch {
    throw new SyncFailure({ type: 'relay-unreachable' });
  }
};

const refused = (answer: RelayAnswer): SyncFailure => new SyncFailure(problemOfAnswer(answer.status, answer.body), answer.retryAfterMs ?? 0);

export const createRelaySession = ({ transport, crypto, team, clock }: RelaySessionDeps): RelaySession => {
  let session: OpenSession | null = null;
  let opening: Promise<OpenSession> | null = null;

  const open = async (): Promise<OpenSession> => {
    const device = crypto.deviceId;
    const asked = await send(transport, '/v1/challenge', { body: { team, device } });
    if (asked.status !== 200) throw refused(asked);
    const challenge = parseAnswer(ChallengeSchema, asked.body);
    const localAtChallenge = clock.now();
    const message = authMessage('session', challenge.relayInstance, team, device, challenge.nonce);
    const sig = toBase64Url(await crypto.signChallenge(message));
    const answer = await send(transport, '/v1/session', { body: { team, device, nonce: challenge.nonce, sig } });
    if (answer.status !== 200) throw refused(answer);
    const opened = parseAnswer(SessionSchema, answer.body);
    // The relay's clock may differ from ours: its expiry is measured from its own time at the challenge.
    const lifetime = Math.max(0, opened.expiresAt - challenge.relayTime);
    return { token: opened.token, relayInstance: opened.relayInstance, renewAt: localAtChallenge + Math.max(0, lifetime - RENEW_BEFORE_MS) };
  };

  const current = async (): Promise<OpenSession> => {
    if (session && clock.now() < session.renewAt) return session;
    // Concurrent callers share one opening, so the relay sees one challenge.
    opening ??= open().finally(() => { opening = null; });
    session = await opening;
    return session;
  };

  const call = async (path: string, body?: unknown): Promise<unknown> => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { token } = await current();
      const answer = await send(transport, path, body === undefined ? { token } : { body, token });
      if (answer.status === 200) return answer.body;
      if (answer.status !== 401 || attempt === 1) throw refused(answer);
      session = null;
    }
    throw new SyncFailure({ type: 'relay-refused', code: 'unauthorized' });
  };

  return { current, call, drop: () => { session = null; } };
};
