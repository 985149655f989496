/** What went wrong in a browser WebAuthn ceremony, as a code the UI can branch on and a message it can show. */
import { WebAuthnError } from '@simplewebauthn/browser';

export type CeremonyFailureCode =
  | 'unsupported'
  | 'cancelled'
  | 'aborted'
  | 'already-registered'
  | 'no-user-verification'
  | 'no-algorithm'
  | 'invalid-domain'
  | 'authenticator-error'
  | 'no-keys'
  | 'prf'
  | 'unknown';

export interface CeremonyFailure {
  readonly code: CeremonyFailureCode;
  readonly message: string;
  /** The browser's own error, for logs: WebAuthn errors keep their real reason here. */
  readonly cause?: unknown;
}

const messages: { readonly [C in CeremonyFailureCode]: string } = {
  'unsupported': 'This browser cannot use security keys or passkeys.',
  'cancelled': 'The security key request was cancelled or timed out. Please try again.',
  'aborted': 'The security key request was replaced by a newer one.',
  'already-registered': 'This security key is already registered for this account.',
  'no-user-verification':
    'This security key cannot verify you with a PIN, fingerprint or face. Locket needs one that can.',
  'no-algorithm': 'This security key does not support a signing algorithm Locket accepts.',
  'invalid-domain': 'The browser refused to use a security key on this page.',
  'authenticator-error': 'The security key reported an error. Try again, or try another key.',
  'no-keys': 'No security key is registered for this account.',
  'prf': 'The security key did not return the secret Locket needs to unlock your data. Please try again.',
  'unknown': 'The security key request failed.',
};

export const ceremonyFailure = (code: CeremonyFailureCode, cause?: unknown): CeremonyFailure =>
  cause === undefined ? { code, message: messages[code] } : { code, message: messages[code], cause };

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
    if (code === 'invalid-domain' && error.cause instanceof Error) {
      return { code, message: `${messages[code]} (${error.cause.message})`, cause: error };
    }
    return ceremonyFailure(code, error);
  }
  if (error instanceof Error && /not completed/.test(error.message)) return ceremonyFailure('cancelled', error);
  if (error instanceof Error && error.name === 'NotAllowedError') return ceremonyFailure('cancelled', error);
  return ceremonyFailure('unknown', error);
};
