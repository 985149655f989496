/**
 * What went wrong in a browser WebAuthn ceremony, as a code the UI can branch on; the words
 * live in components/shared/messages/security-key-messages.ts.
 */
import { WebAuthnError } from '@simplewebauthn/browser';
import type { CeremonyFailureCode } from '../../core/security/webauthn-failures';

export type { CeremonyFailureCode };

export interface CeremonyFailure {
  readonly code: CeremonyFailureCode;
  /** The browser's own reason, shown after the words when it explains more (a refused domain); else null. */
  readonly detail: string | null;
  /** The browser's own error, for logs: WebAuthn errors keep their real reason here. */
  readonly cause?: unknown;
}

export const ceremonyFailure = (code: CeremonyFailureCode, cause?: unknown): CeremonyFailure =>
  cause === undefined ? { code, detail: null } : { code, detail: null, cause };

const codeByLibraryCode: Partial<Record<WebAuthnError['code'], CeremonyFailureCode>> = {
  ERROR_CEREMONY_ABORTED: 'aborted',
  // NotAllowedError: the user dismissed the prompt, it timed out, or the page lost focus.
  ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY: 'cancelled',
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: 'already-registered',
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: 'no-user-verification',
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: 'no-algorithm',
  ERROR_MALFORMED_PUBKEYCREDPARAMS: 'no-algorithm',
  ERROR_INVALID_DOMAIN: 'invalid-domain',
  ERROR_INVALID_RP_ID: 'invalid-domain',
  ERROR_AUTHENTICATOR_GENERAL_ERROR: 'authenticator-error',
};

/** Turns whatever startRegistration/startAuthentication threw into a failure the UI can explain. */
export const describeCeremonyError = (error: unknown): CeremonyFailure => {
  if (error instanceof WebAuthnError) {
    const code = codeByLibraryCode[error.code] ?? 'unknown';
    // An extension page's host (the bare id) is never a "valid domain" to the library, so every
    // SecurityError arrives as ERROR_INVALID_DOMAIN; the browser's real reason is the cause.
    if (code === 'invalid-domain' && error.cause instanceof Error) return { code, detail: error.cause.message, cause: error };
    return ceremonyFailure(code, error);
  }
  if (error instanceof Error && /not completed/.test(error.message)) return ceremonyFailure('cancelled', error);
  if (error instanceof Error && error.name === 'NotAllowedError') return ceremonyFailure('cancelled', error);
  return ceremonyFailure('unknown', error);
};
