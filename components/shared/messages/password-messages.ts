/** What the owner reads beside a password field: each message says what to change. */
import type { ContextSource } from '../../../core/security/password-context';
// The limits come from their own module: a value import of the policy would put the
// estimator's dictionaries in every page that words a refusal, loaded before it paints.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../core/security/password-limits';
import type { PasswordProblem, PasswordStrength, PasswordVerdict } from '../../../core/security/password-policy';

export const STRENGTH_LABELS: { readonly [S in PasswordStrength]: string } = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

const PASSPHRASE_SUGGESTION = 'Try a few unrelated words, such as a short sentence only you would think of.';

const SOURCE_PHRASES: Readonly<Record<ContextSource, string>> = {
  name: 'your name',
  email: 'your email address',
  product: 'the app’s name, “Locket”',
};

/** "Don’t build the password from your name or your email address." */
const contextMessage = (sources: readonly ContextSource[]): string => {
  const phrases = sources.map((source) => SOURCE_PHRASES[source]);
  const listed = phrases.length <= 1
    ? phrases.join('')
    : `${phrases.slice(0, -1).join(', ')} or ${phrases.slice(-1).join('')}`;
  return `Don’t build the password from ${listed}.`;
};

export const PASSWORD_PROBLEM_MESSAGES: {
  readonly [C in PasswordProblem['code']]: (problem: Extract<PasswordProblem, { code: C }>) => string
} = {
  'too-short': () => `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  'too-long': ({ length }) => `Use at most ${MAX_PASSWORD_LENGTH} characters; this one has ${length}. `
    + 'Nothing is cut off automatically, so please shorten it yourself.',
  'common': () => 'This password is too common: it appears in lists of leaked passwords.',
  'context': ({ sources }) => contextMessage(sources),
  'repetitive': () => 'Avoid repeated or sequential characters such as “aaaa”, “abcabc”, “1234” or “qwerty”.',
  'easy-to-guess': () => 'This password is easy to guess.',
};

export const passwordProblemText = (problem: PasswordProblem): string =>
  (PASSWORD_PROBLEM_MESSAGES[problem.code] as (problem: PasswordProblem) => string)(problem);

/** The advice under a refused password: ours when the estimator had none, else the estimator's. */
export const passwordSuggestions = (verdict: PasswordVerdict): readonly string[] =>
  (verdict.suggestPassphrase ? [PASSPHRASE_SUGGESTION] : verdict.suggestions);
