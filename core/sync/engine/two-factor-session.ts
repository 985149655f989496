/**
 * The device's side of two-factor with the relay: asks the relay for a challenge (signed with the
 * device key), has the member's security key answer it through an injected port (the browser's
 * WebAuthn runs only on a visible extension page: platform/webauthn/relay-security-key.ts), and
 * hands the assertion to the session request. A member without a key registers one first, then
 * answers a second challenge with it: registration alone proves nothing the relay can check.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Result } from '../../result';
import type { CeremonyRefusal } from '../../security/webauthn-failures';
import type { SyncProblem } from '../ports';
import type { TwoFactorProof } from '../protocol';
import { TwoFactorOptionsSchema, type TwoFactorOptions } from '../two-factor-protocol';
import { parseAnswer, SyncFailure } from './relay-problem';

export interface SecurityKeyRequest {
  readonly challenge: string;
  readonly userVerification: TwoFactorOptions['userVerification'];
  /** The member's keys the relay holds: excluded from a registration, allowed for an assertion. */
  readonly credentials: TwoFactorOptions['credentials'];
}

/** The browser's WebAuthn ceremonies, for a challenge the relay issued. */
export interface SecurityKeyPort {
  readonly register: (request: SecurityKeyRequest) => Promise<Result<RegistrationResponseJSON, CeremonyRefusal>>;
  readonly assert: (request: SecurityKeyRequest) => Promise<Result<AuthenticationResponseJSON, CeremonyRefusal>>;
}

/** Why proving the second factor stopped: the relay's refusal, or the key prompt's. */
export type TwoFactorProblem = SyncProblem | { readonly type: 'security-key'; readonly prompt: CeremonyRefusal };

export interface TwoFactorSteps {
  /** POSTs a request signed with a fresh nonce for `purpose`; the relay's answer, or a SyncFailure. */
  readonly signedCall: (path: string, purpose: 'two-factor') => Promise<unknown>;
  readonly post: (path: string, body: unknown) => Promise<unknown>;
  readonly team: string;
  readonly device: string;
}

class PromptFailure extends Error {
  constructor(readonly prompt: CeremonyRefusal) {
    super(prompt.code);
  }
}

const answered = async <T>(ceremony: Promise<Result<T, CeremonyRefusal>>): Promise<T> => {
  const result = await ceremony;
  if (!result.ok) throw new PromptFailure(result.error);
  return result.value;
};

const requestOf = (options: TwoFactorOptions): SecurityKeyRequest =>
  ({ challenge: options.challenge, userVerification: options.userVerification, credentials: options.credentials });

/** Registers a key when the member has none, then answers a fresh challenge with one of the member's keys. */
export const proveSecondFactor = async (steps: TwoFactorSteps, port: SecurityKeyPort): Promise<Result<TwoFactorProof, TwoFactorProblem>> => {
  const options = async () => parseAnswer(TwoFactorOptionsSchema, await steps.signedCall('/v1/two-factor/options', 'two-factor'));
  try {
    let current = await options();
    if (current.credentials.length === 0) {
      const response = await answered(port.register(requestOf(current)));
      await steps.post('/v1/two-factor/register', {
        team: steps.team, device: steps.device, challenge: current.challenge, response: { ...response, clientExtensionResults: {} },
      });
      current = await options();
    }
    const response = await answered(port.assert(requestOf(current)));
    // Extension results stay on the device: the relay checks none, and a PRF output is a secret.
    return { ok: true, value: { challenge: current.challenge, response: { ...response, clientExtensionResults: {} } } };
  } catch (error) {
    if (error instanceof PromptFailure) return { ok: false, error: { type: 'security-key', prompt: error.prompt } };
    if (error instanceof SyncFailure) return { ok: false, error: error.problem };
    throw error;
  }
};
