/** Why a WebAuthn response was refused: one code per cause, each with a message a user can act on. */

export type CeremonyCheckReason =
  /** Not issued by this ledger, already used, or expired. */
  | 'challenge'
  /** The client data names another origin, or the request ran in a cross-origin frame. */
  | 'origin'
  /** The authenticator signed for another relying party. */
  | 'rp-id'
  | 'user-presence'
  | 'user-verification'
  /** Not a WebAuthn response of the expected kind, or bytes that do not parse. */
  | 'malformed';

export type AssertionFailureReason = CeremonyCheckReason | 'signature' | 'unknown-key' | 'counter';
export type RegistrationFailureReason = CeremonyCheckReason | 'algorithm' | 'attestation';

export interface Refusal<R extends string> {
  readonly reason: R;
  readonly message: string;
  /** What the verifier saw, for logs and tests; never shown as the user-facing message. */
  readonly detail?: string;
}

/**
 * A valid signature whose sign counter did not move forward: the key may have been cloned.
 * The owner must be told (RegisteredKey.counterRegressionAt); the stored count stays as it was.
 */
export interface CounterRegression extends Refusal<'counter'> {
  readonly counterRegressed: true;
  readonly newSignCount: number;
  readonly storedSignCount: number;
}

export type VerifyFailure = Refusal<Exclude<AssertionFailureReason, 'counter'>> | CounterRegression;
export type RegistrationFailure = Refusal<RegistrationFailureReason>;

export const failureMessages: { readonly [R in AssertionFailureReason | RegistrationFailureReason]: string } = {
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

export const refuse = <R extends AssertionFailureReason | RegistrationFailureReason>(
  reason: R, detail?: string,
): { readonly ok: false; readonly error: Refusal<R> } => ({
  ok: false,
  error: detail === undefined ? { reason, message: failureMessages[reason] } : { reason, message: failureMessages[reason], detail },
});
