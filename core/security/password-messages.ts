/** What the owner reads under the password field: each message says what to change. */
import type { ContextSource } from './password-context';

export const MIN_PASSWORD_LENGTH = 8;
/** Far above NIST's minimum of 64; longer input is refused, never silently cut. */
export const MAX_PASSWORD_LENGTH = 256;

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export const tooShortMessage = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;

export const tooLongMessage = (length: number): string =>
  `Use at most ${MAX_PASSWORD_LENGTH} characters; this one has ${length}. ` +
  'Nothing is cut off automatically, so please shorten it yourself.';

export const commonMessage = 'This password is too common: it appears in lists of leaked passwords.';

export const repetitiveMessage =
  'Avoid repeated or sequential characters such as “aaaa”, “abcabc”, “1234” or “qwerty”.';

export const easyToGuessMessage = 'This password is easy to guess.';

export const passphraseSuggestion = 'Try a few unrelated words, such as a short sentence only you would think of.';

const SOURCE_PHRASES: Readonly<Record<ContextSource, string>> = {
  name: 'your name',
  email: 'your email address',
  product: 'the app’s name, “Locket”',
};
const SOURCE_ORDER: readonly ContextSource[] = ['name', 'email', 'product'];

/** "Don’t build the password from your name or your email address." */
export const contextMessage = (sources: ReadonlySet<ContextSource>): string => {
  const phrases = SOURCE_ORDER.filter((source) => sources.has(source)).map((source) => SOURCE_PHRASES[source]);
  const listed = phrases.length <= 1
    ? phrases.join('')
    : `${phrases.slice(0, -1).join(', ')} or ${phrases.slice(-1).join('')}`;
  return `Don’t build the password from ${listed}.`;
};
