/**
 * The browser half of two-factor with the relay: the SecurityKeyPort the sync engine takes
 * (core/sync/engine/two-factor-session.ts), run through @simplewebauthn/browser on a visible,
 * focused extension page, for a challenge the relay issued (the relay, not this page, verifies
 * the answer). As for the local unlock (webauthn-ceremony.ts) no RP ID is passed: Chromium uses
 * the page's origin, which is what the relay expects (`--extension-origin`).
 */
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { SecurityKeyPort, SecurityKeyRequest } from '../../core/sync/engine/two-factor-session';
import { toBase64Url } from '../../core/security/base64url';
import { CEREMONY_TIMEOUT_MS } from './webauthn-ceremony';
import { ceremonyFailure, describeCeremonyError } from './webauthn-ceremony-errors';

const COSE_ES256 = -7;
const COSE_RS256 = -257;

export interface RelayKeyUser {
  /** The WebAuthn user handle (1–64 bytes): this member's, the same for each of their keys. */
  readonly id: Uint8Array;
  /** Shown by the authenticator and the browser, e.g. the member's email. */
  readonly name: string;
}

const descriptors = (request: SecurityKeyRequest) =>
  request.credentials.map((key) => ({ id: key.id, type: 'public-key' as const, transports: key.transports as AuthenticatorTransport[] }));

/** Ceremony failures come back as codes; the words are in components/shared/messages/security-key-messages.ts. */
const refusal = (error: unknown) => {
  const failure = describeCeremonyError(error);
  return { ok: false as const, error: { code: failure.code, detail: failure.detail } };
};

export const relaySecurityKey = (user: RelayKeyUser): SecurityKeyPort => ({
  register: async (request) => {
    if (!browserSupportsWebAuthn()) return { ok: false, error: ceremonyFailure('unsupported') };
    try {
      const response = await startRegistration({
        optionsJSON: {
          rp: { name: 'Locket' },
          user: { id: toBase64Url(user.id), name: user.name, displayName: user.name },
          challenge: request.challenge,
          pubKeyCredParams: [{ type: 'public-key', alg: COSE_ES256 }, { type: 'public-key', alg: COSE_RS256 }],
          excludeCredentials: descriptors(request),
          authenticatorSelection: { residentKey: 'discouraged', userVerification: request.userVerification },
          attestation: 'none',
          timeout: CEREMONY_TIMEOUT_MS,
        },
      });
      return { ok: true, value: response };
    } catch (error) {
      return refusal(error);
    }
  },
  assert: async (request) => {
    if (!browserSupportsWebAuthn()) return { ok: false, error: ceremonyFailure('unsupported') };
    // An empty allow list would turn this into a passkey sign-in with any credential.
    if (request.credentials.length === 0) return { ok: false, error: ceremonyFailure('no-keys') };
    try {
      const response = await startAuthentication({
        optionsJSON: {
          challenge: request.challenge, allowCredentials: descriptors(request),
          userVerification: request.userVerification, timeout: CEREMONY_TIMEOUT_MS,
        },
      });
      return { ok: true, value: response };
    } catch (error) {
      return refusal(error);
    }
  },
});
