/** Why a WebAuthn response was refused: one code per cause; the words live in components/shared/messages. */

/** Why the browser's key prompt did not go ahead, before any response was checked. */
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

/** A key prompt's refusal; `detail`: the browser's own reason when it explains more (a refused domain), else null. */
export interface CeremonyRefusal {
  readonly code: CeremonyFailureCode;
  readonly detail: string | null;
}

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
  /** What the verifier saw, for logs and tests; never shown to the owner. */
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


export const refuse = <R extends AssertionFailureReason | RegistrationFailureReason>(
  reason: R, detail?: string,
): { readonly ok: false; readonly error: Refusal<R> } => ({
  ok: false,
  error: detail === undefined ? { reason } : { reason, detail },
});
