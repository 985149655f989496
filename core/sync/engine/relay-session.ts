/**
 * A device's session with the relay: challenge → signed `session` request → bearer token, renewed
 * before it expires and once on a 401. Every answer is validated before use; a refusal becomes a
 * SyncFailure carrying its SyncProblem code. In a team that requires two-factor the relay refuses
 * a session without a security key's assertion (`two-factor-required`, final for the engine);
 * `proveTwoFactor` runs the key through an injected port and opens the session with it. The proof
 * is bound to this team and device, not to one context: `secondFactor` gets it in the page the
 * user pressed the button in, and `openWithProof` opens the session in the worker running sync.
 */
import type { Clock } from '../../clock';
import type { Result } from '../../result';
import type { RelayAnswer, RelayTransport, SyncCrypto, SyncProblem } from '../ports';
import { ChallengeSchema, SessionSchema, type TwoFactorProof } from '../protocol';
import { toBase64Url } from '../../security/base64url';
import { authMessage } from '../signing';
import { parseAnswer, problemOfAnswer, SyncFailure } from './relay-problem';
import { proveSecondFactor, type SecurityKeyPort, type TwoFactorProblem } from './two-factor-session';

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
  /** Opens a session with the member's security key (registering one first if the relay holds none). */
  readonly proveTwoFactor: (port: SecurityKeyPort) => Promise<Result<OpenSession, TwoFactorProblem>>;
  /** The key's answer to a fresh challenge (registering a key first if the relay holds none); opens no session. */
  readonly secondFactor: (port: SecurityKeyPort) => Promise<Result<TwoFactorProof, TwoFactorProblem>>;
  /** Opens the session with a proof of this device, whichever context of it got the proof. */
  readonly openWithProof: (proof: TwoFactorProof) => Promise<Result<OpenSession, SyncProblem>>;
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

  const signedNonce = async (purpose: 'session' | 'two-factor') => {
    const device = crypto.deviceId;
    const asked = await send(transport, '/v1/challenge', { body: { team, device } });
    if (asked.status !== 200) throw refused(asked);
    const challenge = parseAnswer(ChallengeSchema, asked.body);
    const message = authMessage(purpose, challenge.relayInstance, team, device, challenge.nonce);
    const sig = toBase64Url(await crypto.signChallenge(message));
    return { challenge, body: { team, device, nonce: challenge.nonce, sig } };
  };

  const post = async (path: string, body: unknown): Promise<unknown> => {
    const answer = await send(transport, path, { body });
    if (answer.status !== 200) throw refused(answer);
    return answer.body;
  };

  const open = async (twoFactor?: TwoFactorProof): Promise<OpenSession> => {
    const { challenge, body } = await signedNonce('session');
    const localAtChallenge = clock.now();
    const answer = await send(transport, '/v1/session', { body: twoFactor ? { ...body, twoFactor } : body });
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

  /**
   * A 401, or a session opened before the team required two-factor: a new session is asked for
   * once. For the latter its refusal says which step is missing, a key to add or one to confirm with.
   */
  const renewable = (answer: RelayAnswer): boolean =>
    answer.status === 401 || (answer.status === 403 && problemOfAnswer(answer.status, answer.body).type === 'two-factor-required');

  const call = async (path: string, body?: unknown): Promise<unknown> => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { token } = await current();
      const answer = await send(transport, path, body === undefined ? { token } : { body, token });
      if (answer.status === 200) return answer.body;
      if (!renewable(answer) || attempt === 1) throw refused(answer);
      session = null;
    }
    throw new SyncFailure({ type: 'relay-refused', code: 'unauthorized' });
  };

  const secondFactor = (port: SecurityKeyPort): Promise<Result<TwoFactorProof, TwoFactorProblem>> => proveSecondFactor({
    signedCall: async (path, purpose) => post(path, (await signedNonce(purpose)).body), post, team, device: crypto.deviceId,
  }, port);

  const openWithProof = async (proof: TwoFactorProof): Promise<Result<OpenSession, SyncProblem>> => {
    try {
      session = await open(proof);
      return { ok: true, value: session };
    } catch (error) {
      if (error instanceof SyncFailure) return { ok: false, error: error.problem };
      throw error;
    }
  };

  const proveTwoFactor = async (port: SecurityKeyPort): Promise<Result<OpenSession, TwoFactorProblem>> => {
    const proof = await secondFactor(port);
    return proof.ok ? openWithProof(proof.value) : proof;
  };

  return { current, call, drop: () => { session = null; }, proveTwoFactor, secondFactor, openWithProof };
};
