/** What the owner reads beside a password field: each message says what to change. */
import type { ContextSource } from '../../../core/security/password-context';
// The limits come from their own module: a value import of the policy would put the
// estimator's dictionaries in every page that words a refusal, loaded before it paints.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../core/security/password-limits';
import type { PasswordProblem, PasswordStrength, PasswordVerdict } from '../../../core/security/password-policy';
import { catalogue } from '../i18n/catalogue';

export const STRENGTH_LABELS = catalogue<{ readonly [S in PasswordStrength]: string }>({
  en: ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'],
  de: ['Sehr schwach', 'Schwach', 'Mittel', 'Stark', 'Sehr stark'],
});

type ProblemTexts = {
  readonly [C in PasswordProblem['code']]: (problem: Extract<PasswordProblem, { code: C }>) => string
};

interface PasswordTexts {
  readonly passphrase: string;
  readonly sources: Readonly<Record<ContextSource, string>>;
  readonly or: string;
  readonly context: (listed: string) => string;
}

const TEXTS = catalogue<PasswordTexts>({
  en: {
    passphrase: 'Try a few unrelated words, such as a short sentence only you would think of.',
    sources: { name: 'your name', email: 'your email address', product: 'the app’s name, “Locket”' },
    or: 'or',
    context: (listed) => `Don’t build the password from ${listed}.`,
  },
  de: {
    passphrase: 'Versuchen Sie es mit einigen Wörtern ohne Zusammenhang, etwa einem kurzen Satz, auf den nur Sie kämen.',
    sources: { name: 'Ihrem Namen', email: 'Ihrer E-Mail-Adresse', product: 'dem Namen der App, „Locket“' },
    or: 'oder',
    context: (listed) => `Bilden Sie das Passwort nicht aus ${listed}.`,
  },
});

/** "Don’t build the password from your name or your email address." */
const contextMessage = (sources: readonly ContextSource[]): string => {
  const phrases = sources.map((source) => TEXTS.sources[source]);
  const listed = phrases.length <= 1
    ? phrases.join('')
    : `${phrases.slice(0, -1).join(', ')} ${TEXTS.or} ${phrases.slice(-1).join('')}`;
  return TEXTS.context(listed);
};

export const PASSWORD_PROBLEM_MESSAGES = catalogue<ProblemTexts>({
  en: {
    'too-short': () => `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    'too-long': ({ length }) => `Use at most ${MAX_PASSWORD_LENGTH} characters; this one has ${length}. `
      + 'Nothing is cut off automatically, so please shorten it yourself.',
    'common': () => 'This password is too common: it appears in lists of leaked passwords.',
    'context': ({ sources }) => contextMessage(sources),
    'repetitive': () => 'Avoid repeated or sequential characters such as “aaaa”, “abcabc”, “1234” or “qwerty”.',
    'easy-to-guess': () => 'This password is easy to guess.',
  },
  de: {
    'too-short': () => `Verwenden Sie mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`,
    'too-long': ({ length }) => `Verwenden Sie höchstens ${MAX_PASSWORD_LENGTH} Zeichen; dieses hat ${length}. `
      + 'Es wird nichts automatisch abgeschnitten, bitte kürzen Sie es selbst.',
    'common': () => 'Dieses Passwort ist zu verbreitet: Es steht in Listen gestohlener Passwörter.',
    'context': ({ sources }) => contextMessage(sources),
    'repetitive': () => 'Vermeiden Sie wiederholte oder aufeinanderfolgende Zeichen wie „aaaa“, „abcabc“, „1234“ oder „qwertz“.',
    'easy-to-guess': () => 'Dieses Passwort ist leicht zu erraten.',
  },
});

export const passwordProblemText = (problem: PasswordProblem): string =>
  (PASSWORD_PROBLEM_MESSAGES[problem.code] as (problem: PasswordProblem) => string)(problem);

/** The advice under a refused password: ours when the estimator had none, else the estimator's. */
export const passwordSuggestions = (verdict: PasswordVerdict): readonly string[] =>
  (verdict.suggestPassphrase ? [TEXTS.passphrase] : verdict.suggestions);
