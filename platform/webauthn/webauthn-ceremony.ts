/**
 * The browser half of Locket's second factor: runs navigator.credentials.create/get through
 * @simplewebauthn/browser on an extension page and hands the responses to
 * core/security/webauthn-verify. Needs a visible, focused page (Chromium refuses WebAuthn
 * elsewhere), so it never runs in the background.
 *
 * No RP ID is passed: on chrome-extension://<id> Chromium then uses the page's own origin as
 * the relying party (see relyingPartyForExtension); any explicit domain would be refused.
 *
 * PRF: @simplewebauthn/browser 14 converts only the challenge, user.id and credential ids
 * from base64url; `extensions` is spread into the native options untouched. So the salt is
 * passed as bytes (a base64url string would be rejected as a BufferSource), and the PRF
 * result comes back as an ArrayBuffer inside clientExtensionResults. That result is a secret:
 * it is taken out here and removed from the response handed on.
 */
import {
  browserSupportsWebAuthn, startAuthentication, startRegistration,
  type AuthenticationResponseJSON, type PublicKeyCredentialDescriptorJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { Result } from '../../core/result';
import { toBase64Url } from '../../core/security/base64url';
import type { ChallengeLedger } from '../../core/security/challenges';
import type { Bytes, RegisteredKey } from '../../core/vault/types';
import { ceremonyFailure, describeCeremonyError, type CeremonyFailure } from './webauthn-ceremony-errors';

/** Below the ledger's default two-minute lifetime, so a response the browser accepts is still verifiable. */
export const CEREMONY_TIMEOUT_MS = 100_000;
const PRF_OUTPUT_BYTES = 32;
const COSE_ES256 = -7;
const COSE_RS256 = -257;

export interface RegisterKeyInput {
  /** The name the owner gives the key; kept for the caller, never sent to the authenticator. */
  readonly name: string;
  readonly ledger: ChallengeLedger;
  /** The WebAuthn user handle (1–64 bytes), the same for every key of the account. */
  readonly userId: Bytes;
  /** Shown by the authenticator and the browser, e.g. the owner's email. */
  readonly userName: string;
  readonly prfSalt: Bytes;
  /** Keys already registered: the authenticator refuses to make a second credential for them. */
  readonly existing: readonly RegisteredKey[];
}

export interface AssertionCeremony {
  readonly response: AuthenticationResponseJSON;
  /** Pass as expectedChallenge to verifyKeyAssertion. */
  readonly challenge: string;
  /** The key's PRF output for the account's salt, or null when it has none. */
  readonly prfOutput: Bytes | null;
}

export interface RegistrationCeremony {
  readonly name: string;
  readonly response: RegistrationResponseJSON;
  /** Pass as expectedChallenge to verifyKeyRegistration. */
  readonly challenge: string;
  readonly prfOutput: Bytes | null;
  /**
   * Present when the PRF output took a second touch (the authenticator supports PRF but gave
   * no result at creation): verify it with verifyKeyAssertion against the new key before
   * trusting prfOutput.
   */
  readonly prfAssertion: Omit<AssertionCeremony, 'prfOutput'> | null;
}

export interface AuthenticateInput {
  readonly ledger: ChallengeLedger;
  readonly keys: readonly Pick<RegisteredKey, 'id' | 'transports'>[];
  readonly prfSalt: Bytes;
}

const toDescriptor = (key: Pick<RegisteredKey, 'id' | 'transports'>): PublicKeyCredentialDescriptorJSON =>
  ({ id: key.id, type: 'public-key', transports: [...key.transports] });

const copyBytes = (source: ArrayBufferView | ArrayBuffer): Bytes => ArrayBuffer.isView(source)
  ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice()
  : new Uint8Array(source).slice();

type ExtensionResults = RegistrationResponseJSON['clientExtensionResults'];

/** The PRF output, and the extension results without it (nothing secret travels on). */
const takePrf = (results: ExtensionResults): { readonly enabled: boolean; readonly output: Bytes | null; readonly rest: ExtensionResults } => {
  const { prf, ...others } = results;
  const first = prf?.results?.first;
  return {
    enabled: prf?.enabled === true || first !== undefined,
    output: first === undefined ? null : copyBytes(first),
    rest: prf?.enabled === undefined ? others : { ...others, prf: { enabled: prf.enabled } },
  };
};

const usablePrf = (output: Bytes | null): boolean => output === null || output.length === PRF_OUTPUT_BYTES;

export const authenticate = async ({ ledger, keys, prfSalt }: AuthenticateInput): Promise<Result<AssertionCeremony, CeremonyFailure>> => {
  if (!browserSupportsWebAuthn()) return { ok: false, error: ceremonyFailure('unsupported') };
  // An empty allow list would turn this into a passkey sign-in with any credential.
  if (keys.length === 0) return { ok: false, error: ceremonyFailure('no-keys') };
  const challenge = ledger.issue();
  try {
    const response = await startAuthentication({
      optionsJSON: {
        challenge,
        allowCredentials: keys.map(toDescriptor),
        userVerification: 'required',
        timeout: CEREMONY_TIMEOUT_MS,
        // Every key is evaluated with the account's one salt, so `eval` serves them all.
        extensions: { prf: { eval: { first: prfSalt } } },
      },
    });
    const prf = takePrf(response.clientExtensionResults);
    if (!usablePrf(prf.output)) {
      // Refused here, so this response is never verified: its challenge must not stay open.
      ledger.consume(challenge);
      return { ok: false, error: ceremonyFailure('prf') };
    }
    return { ok: true, value: { response: { ...response, clientExtensionResults: prf.rest }, challenge, prfOutput: prf.output } };
  } catch (error) {
    ledger.consume(challenge);
    return { ok: false, error: describeCeremonyError(error) };
  }
};

export const registerKey = async (input: RegisterKeyInput): Promise<Result<RegistrationCeremony, CeremonyFailure>> => {
  if (!browserSupportsWebAuthn()) return { ok: false, error: ceremonyFailure('unsupported') };
  const challenge = input.ledger.issue();
  let response: RegistrationResponseJSON;
  try {
    response = await startRegistration({
      optionsJSON: {
        rp: { name: 'Locket' },
        user: { id: toBase64Url(input.userId), name: input.userName, displayName: input.userName },
        challenge,
        pubKeyCredParams: [{ type: 'public-key', alg: COSE_ES256 }, { type: 'public-key', alg: COSE_RS256 }],
        excludeCredentials: input.existing.map(toDescriptor),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
        attestation: 'none',
        timeout: CEREMONY_TIMEOUT_MS,
        extensions: { prf: { eval: { first: input.prfSalt } } },
      },
    });
  } catch (error) {
    // A challenge whose ceremony failed can never be answered: retire it now.
    input.ledger.consume(challenge);
    return { ok: false, error: describeCeremonyError(error) };
  }

  const prf = takePrf(response.clientExtensionResults);
  const registered = { name: input.name, response: { ...response, clientExtensionResults: prf.rest }, challenge };
  if (!usablePrf(prf.output)) {
    input.ledger.consume(challenge);
    return { ok: false, error: ceremonyFailure('prf') };
  }
  if (prf.output || !prf.enabled) return { ok: true, value: { ...registered, prfOutput: prf.output, prfAssertion: null } };

  // PRF is supported but was not evaluated at creation: one assertion with the new credential
  // evaluates it. If that fails the registration fails too, rather than silently keeping a
  // PRF-capable key as a weaker password-gated one.
  const evaluation = await authenticate({
    ledger: input.ledger, keys: [{ id: response.id, transports: response.response.transports ?? [] }], prfSalt: input.prfSalt,
  });
  if (!evaluation.ok) return evaluation;
  if (!evaluation.value.prfOutput) return { ok: false, error: ceremonyFailure('prf') };
  const { prfOutput, ...prfAssertion } = evaluation.value;
  return { ok: true, value: { ...registered, prfOutput, prfAssertion } };
};
