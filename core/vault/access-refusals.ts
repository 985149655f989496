import type { PasswordProblem } from '../security/password-policy';
import type { AssertionFailureReason, CeremonyRefusal, RegistrationFailureReason } from '../security/webauthn-failures';

/**
 * Why an unlock or a change to the account's factors was refused, as a code with the data its
 * words need; the words live in components/shared/messages/access-messages.ts.
 */
export type AccessRefusal =
  /** Attempts are slowed down after failures; the owner waits `waitSeconds` more. */
  | { readonly type: 'throttled'; readonly waitSeconds: number }
  | { readonly type: 'no-account-yet' }
  | { readonly type: 'no-security-key' }
  /** The browser's key prompt refused (cancelled, unsupported…). */
  | { readonly type: 'key-prompt'; readonly prompt: CeremonyRefusal }
  /** At unlock: the key that answered is not one of this account's. */
  | { readonly type: 'key-not-this-account' }
  /** The key's answer failed a WebAuthn check. */
  | { readonly type: 'key-refused'; readonly reason: AssertionFailureReason | RegistrationFailureReason }
  | { readonly type: 'wrong-password' }
  | { readonly type: 'wrong-password-or-key' }
  | { readonly type: 'recovery-needs-key' }
  | { readonly type: 'recovery-code-used' }
  | { readonly type: 'wrong-password-or-code' };

/** What is wrong with the owner's name or email at setup; the codes are the schema's messages. */
export type OwnerIssue = 'owner-missing' | 'name-missing' | 'name-too-long' | 'email-missing' | 'email-invalid' | 'field-invalid';

/** Why a field of an account form (setup, password change, keys, recovery codes) was refused. */
export type AccountRefusal =
  | AccessRefusal
  | { readonly type: 'owner-field'; readonly issue: OwnerIssue }
  | { readonly type: 'password-problem'; readonly problem: PasswordProblem }
  | { readonly type: 'account-exists' }
  | { readonly type: 'key-name-invalid' }
  | { readonly type: 'key-name-taken' }
  | { readonly type: 'key-already-registered' }
  | { readonly type: 'key-unknown' }
  /** A key made before escrow must confirm once, so its secret can be carried over. */
  | { readonly type: 'confirm-with-key'; readonly keyName: string }
  /** A key without PRF would let the password alone open the data. */
  | { readonly type: 'weaker-key' }
  | { readonly type: 'weaker-key-needs-touch' }
  | { readonly type: 'unlocked-with-other-keys' }
  | { readonly type: 'confirm-with-other-key' };

/** An account form's refusals, one per field (FORM_ERROR_KEY for the whole form). */
export type FieldRefusals = { readonly [field: string]: AccountRefusal };

/** Why cancelling or restoring the account was refused. */
export type CancellationRefusal =
  | AccessRefusal
  | { readonly type: 'already-cancelled' }
  /** The days to restore have passed: the account is being deleted. */
  | { readonly type: 'restore-window-closed' };

/** A success worth naming in the login log. */
export type LoginNote = AccessRefusal | { readonly type: 'account-created' };

/**
 * The login log keeps a refusal as its code, in JSON, so the login history words it as the
 * unlock screen did; entries written before this hold the words themselves.
 */
export const loginReason = (note: LoginNote): string => JSON.stringify(note);
