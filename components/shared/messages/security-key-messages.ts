import type {
  AssertionFailureReason, CeremonyFailureCode, CeremonyRefusal, RegistrationFailureReason,
} from '../../../core/security/webauthn-failures';

/** Why a security key's answer was refused, in words the owner can act on; one per check. */
export const KEY_CHECK_MESSAGES: { readonly [R in AssertionFailureReason | RegistrationFailureReason]: string } = {
  'challenge': 'This security key request expired or was already used. Please try again.',
  'origin': 'The security key answered a request from a page other than Locket. Nothing was unlocked.',
  'rp-id': 'The security key answered for a different site than Locket. Nothing was unlocked.',
  'user-presence': 'The security key did not confirm you were there. Touch the key when it asks and try again.',
  'user-verification': 'The security key did not verify you (PIN, fingerprint or face). Try again and complete that step.',
  'malformed': 'The security key’s answer could not be read. Please try again.',
  'signature': 'The security key’s signature does not match the key registered for this account.',
  'unknown-key': 'This security key is not registered for this account.',
  'counter':
    'This security key’s use counter went backwards, which can mean the key was copied. ' +
    'Locket refused to unlock with it; review the key under Security settings.',
  'algorithm': 'This security key signs with an algorithm Locket does not accept (ES256 or RS256 are needed).',
  'attestation': 'The security key’s registration could not be verified.',
};

/** Why the browser's key prompt did not go ahead, in words; a code without words fails to compile. */
export const CEREMONY_FAILURE_MESSAGES: { readonly [C in CeremonyFailureCode]: string } = {
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

export const ceremonyFailureText = ({ code, detail }: CeremonyRefusal): string =>
  (detail === null ? CEREMONY_FAILURE_MESSAGES[code] : `${CEREMONY_FAILURE_MESSAGES[code]} (${detail})`);
