/**
 * Calls to the relay as Results: every answer is validated with the core/sync schemas, a network
 * failure is `relay-unreachable`, a refusal `relay-refused` with its code, and the relay's
 * pairing answers (not found, expired) become the pairing problems the page words.
 */
import * as v from 'valibot';
import type { Result } from '../result';
import type { RelayTransport, SyncProblem } from '../sync/ports';
import { ChallengeSchema, RefusalSchema, SessionSchema, type Session } from '../sync/protocol';
import { authMessage, signBytes, type DeviceKeys } from '../sync/signing';
import { toBase64Url } from '../security/base64url';

export type Answer<T> = Result<T, SyncProblem>;

export const fail = (problem: SyncProblem): { readonly ok: false; readonly error: SyncProblem } => ({ ok: false, error: problem });

export const call = async <T extends v.GenericSchema>(
  transport: RelayTransport, path: string, init: { readonly body?: unknown; readonly token?: string }, schema: T,
): Promise<Answer<v.InferOutput<T>>> => {
  let answer: { status: number; body: unknown };
  try {
    answer = await transport.request(path, init);
  } catch {
    return fail({ type: 'relay-unreachable' });
  }
  if (answer.status !== 200) {
    const refusal = v.safeParse(RefusalSchema, answer.body);
    const code = refusal.success ? refusal.output.error : `http-${answer.status}`;
    if (code === 'version') return fail({ type: 'version' });
    if (code === 'removed') return fail({ type: 'removed' });
    return fail({ type: 'relay-refused', code });
  }
  const parsed = v.safeParse(schema, answer.body);
  return parsed.success ? { ok: true, value: parsed.output } : fail({ type: 'relay-refused', code: 'bad_reply' });
};

/** A pairing call: a missing slot means a wrong or used code, an expired one an expired pairing. */
export const pairingCall = async <T extends v.GenericSchema>(
  transport: RelayTransport, path: string, init: { readonly body?: unknown; readonly token?: string }, schema: T,
): Promise<Answer<v.InferOutput<T>>> => {
  const answer = await call(transport, path, init, schema);
  if (answer.ok || answer.error.type !== 'relay-refused') return answer;
  if (answer.error.code === 'not_found' || answer.error.code === 'conflict') return fail({ type: 'bad-pairing-code' });
  if (answer.error.code === 'expired') return fail({ type: 'pairing-expired' });
  return answer;
};

/** Challenge, then register (first device of a new account, with its encrypted name) or open a session. */
export const authenticate = async (
  transport: RelayTransport, team: string, keys: DeviceKeys, purpose: 'register' | 'session', label?: string,
): Promise<Answer<Session>> => {
  const challenge = await call(transport, '/v1/challenge', { body: { team, device: keys.deviceId } }, ChallengeSchema);
  if (!challenge.ok) return challenge;
  const { nonce, relayInstance } = challenge.value;
  const sig = await signBytes(keys.privateKey, authMessage(purpose, relayInstance, team, keys.deviceId, nonce));
  const body = purpose === 'register'
    ? { team, device: keys.deviceId, publicKey: toBase64Url(keys.publicKey), nonce, sig, ...(label === undefined ? {} : { label }) }
    : { team, device: keys.deviceId, nonce, sig };
  return call(transport, `/v1/${purpose}`, { body }, SessionSchema);
};
