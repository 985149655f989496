/**
 * Verifies Locket's second factor: a security key's registration and its assertions.
 * Platform-free (WebCrypto through @simplewebauthn/server), so it runs in pages, the
 * background and Node tests alike.
 *
 * Every response is checked here first, each failure with its own code (see
 * webauthn-checks.ts); @simplewebauthn/server then verifies it again in full, and whatever
 * it still refuses after those checks can only be the signature (or, at registration, the
 * attestation statement), so no library message has to be parsed.
 *
 * Relying party inside the extension: Chromium rewrites the RP ID of a page at
 * chrome-extension://<id> to that serialised origin, and the authenticator signs
 * SHA-256("chrome-extension://<id>"). Both `origin` and `rpId` are therefore the page's
 * origin string; see relyingPartyForExtension.
 */
import * as v from 'valibot';
import {
  cose, decodeAttestationObject, decodeCredentialPublicKey, isoBase64URL,
} from '@simplewebauthn/server/helpers';
import {
  verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Result } from '../result';
import type { Bytes, RegisteredKey } from '../vault/types';
import type { ChallengeLedger } from './challenges';
import { fromBase64Url } from './base64url';
import { checkCeremony, readAuthenticatorData, readClientData } from './webauthn-checks';
import { refuse, type RegistrationFailure, type VerifyFailure } from './webauthn-failures';
import { authenticationResponseSchema, registrationResponseSchema } from './webauthn-schemas';

/** The algorithms registration offers: ES256 first, RS256 for older keys (Windows Hello). */
export const ACCEPTED_ALGORITHMS: readonly number[] = [cose.COSEALG.ES256, cose.COSEALG.RS256];

import type { RelyingParty } from './relying-party';

export { relyingPartyForExtension, type RelyingParty } from './relying-party';

interface CeremonyInput extends RelyingParty {
  readonly ledger: ChallengeLedger;
  /** The challenge this ceremony was started with; consumed here whatever the outcome. */
  readonly expectedChallenge: string;
  /** False only where the relying party lets presence alone do (a relay so configured); true unless given. */
  readonly requireUserVerification?: boolean;
}

export interface RegistrationInput extends CeremonyInput {
  readonly response: RegistrationResponseJSON;
}

export interface VerifiedRegistration {
  /** base64url credential id. */
  readonly id: string;
  /** COSE public key. */
  readonly publicKey: Bytes;
  readonly signCount: number;
  readonly transports: readonly string[];
}

export const verifyKeyRegistration = async (
  input: RegistrationInput,
): Promise<Result<VerifiedRegistration, RegistrationFailure>> => {
  const challengeFresh = input.ledger.consume(input.expectedChallenge);
  const parsed = v.safeParse(registrationResponseSchema, input.response);
  if (!parsed.success) return refuse('malformed', 'not a registration response');
  const response = parsed.output;
  if (response.id !== response.rawId) return refuse('malformed', 'id and rawId differ');

  const clientData = readClientData(response.response.clientDataJSON);
  if (!clientData.ok) return clientData;
  const attestationBytes = fromBase64Url(response.response.attestationObject);
  if (!attestationBytes) return refuse('malformed', 'attestationObject is not base64url');
  let authDataBytes: unknown;
  try {
    authDataBytes = decodeAttestationObject(attestationBytes).get('authData');
  } catch (error) {
    return refuse('malformed', `attestationObject: ${String(error)}`);
  }
  if (!(authDataBytes instanceof Uint8Array)) return refuse('malformed', 'attestationObject has no authData');
  const authData = readAuthenticatorData(new Uint8Array(authDataBytes));
  if (!authData.ok) return authData;

  const problem = await checkCeremony(clientData.value, authData.value, {
    type: 'webauthn.create', challenge: input.expectedChallenge, challengeFresh, origin: input.origin, rpId: input.rpId,
    requireUserVerification: input.requireUserVerification ?? true,
  });
  if (problem) return { ok: false, error: problem };

  const { credentialID, credentialPublicKey, counter } = authData.value;
  if (!credentialID || !credentialPublicKey) return refuse('malformed', 'no attested credential data');
  if (isoBase64URL.fromBuffer(credentialID) !== response.id) return refuse('malformed', 'credential id differs from the response id');
  let algorithm: unknown;
  try {
    algorithm = decodeCredentialPublicKey(credentialPublicKey).get(cose.COSEKEYS.alg);
  } catch (error) {
    return refuse('malformed', `public key: ${String(error)}`);
  }
  if (typeof algorithm !== 'number' || !ACCEPTED_ALGORITHMS.includes(algorithm)) {
    return refuse('algorithm', `COSE algorithm ${String(algorithm)}`);
  }

  try {
    const verification = await verifyRegistrationResponse({
      response: {
        id: response.id, rawId: response.rawId, type: 'public-key', clientExtensionResults: {},
        response: { ...response.response, transports: [...response.response.transports] },
      },
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: input.origin,
      expectedRPID: input.rpId,
      requireUserVerification: input.requireUserVerification ?? true,
      supportedAlgorithmIDs: [...ACCEPTED_ALGORITHMS],
    });
    if (!verification.verified) return refuse('attestation', 'attestation statement did not verify');
  } catch (error) {
    return refuse('attestation', String(error));
  }

  return {
    ok: true,
    value: { id: response.id, publicKey: new Uint8Array(credentialPublicKey), signCount: counter, transports: response.response.transports },
  };
};

export interface AssertionInput extends CeremonyInput {
  readonly response: AuthenticationResponseJSON;
  /** The registered key the response claims to come from (found by response.id). */
  readonly key: Pick<RegisteredKey, 'id' | 'publicKey' | 'signCount'>;
}

export interface VerifiedAssertion {
  /** Store this as the key's signCount. */
  readonly newSignCount: number;
  /** Always false here: a regression is refused (VerifyFailure reason 'counter'). */
  readonly counterRegressed: false;
}

/**
 * Verifies an assertion in full: challenge (once, via the ledger), origin, RP ID hash,
 * user presence and verification, signature over the stored public key, then sign counter.
 *
 * Counter regression (new ≤ stored while either is non-zero) is reported only after the
 * signature verified, so a forged response cannot get a genuine key flagged. It refuses
 * the unlock: the caller should record RegisteredKey.counterRegressionAt, keep the stored
 * count, and tell the owner, who decides whether to remove the key.
 */
export const verifyKeyAssertion = async (
  input: AssertionInput,
): Promise<Result<VerifiedAssertion, VerifyFailure>> => {
  const challengeFresh = input.ledger.consume(input.expectedChallenge);
  const parsed = v.safeParse(authenticationResponseSchema, input.response);
  if (!parsed.success) return refuse('malformed', 'not an authentication response');
  const response = parsed.output;
  if (response.id !== response.rawId) return refuse('malformed', 'id and rawId differ');
  if (response.id !== input.key.id) return refuse('unknown-key', `credential ${response.id}`);

  const clientData = readClientData(response.response.clientDataJSON);
  if (!clientData.ok) return clientData;
  const authDataBytes = fromBase64Url(response.response.authenticatorData);
  if (!authDataBytes) return refuse('malformed', 'authenticatorData is not base64url');
  const authData = readAuthenticatorData(authDataBytes);
  if (!authData.ok) return authData;

  const problem = await checkCeremony(clientData.value, authData.value, {
    type: 'webauthn.get', challenge: input.expectedChallenge, challengeFresh, origin: input.origin, rpId: input.rpId,
    requireUserVerification: input.requireUserVerification ?? true,
  });
  if (problem) return { ok: false, error: problem };

  try {
    const verification = await verifyAuthenticationResponse({
      response: {
        id: response.id, rawId: response.rawId, type: 'public-key', clientExtensionResults: {},
        response: { ...response.response, userHandle: response.response.userHandle ?? undefined },
      },
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: input.origin,
      expectedRPID: input.rpId,
      requireUserVerification: input.requireUserVerification ?? true,
      // The counter is judged below, after the signature, so the library's own check is neutralised.
      credential: { id: input.key.id, publicKey: input.key.publicKey, counter: 0 },
    });
    if (!verification.verified) return refuse('signature', 'signature did not verify');
  } catch (error) {
    return refuse('signature', String(error));
  }

  const newSignCount = authData.value.counter;
  const storedSignCount = input.key.signCount;
  if ((newSignCount > 0 || storedSignCount > 0) && newSignCount <= storedSignCount) {
    return {
      ok: false,
      error: {
        reason: 'counter', counterRegressed: true, newSignCount, storedSignCount,
        detail: `counter ${newSignCount} after ${storedSignCount}`,
      },
    };
  }
  return { ok: true, value: { newSignCount, counterRegressed: false } };
};
