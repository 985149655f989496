/**
 * Words an attacker who knows the account would try first: the owner's name, the parts of
 * their email address, and the product's own name.
 */
import { codePointsOf, normalisePassword } from './normalise-password';

export type ContextSource = 'name' | 'email' | 'product';

export interface ContextWord {
  /** Lower-cased and NFKC-normalised, like the password it is compared with. */
  readonly word: string;
  readonly sources: readonly ContextSource[];
}

export interface PasswordContext {
  readonly name: string;
  readonly email: string;
}

export const PRODUCT_NAME = 'locket';
/** Shorter name parts ("Al", "de") occur inside too many unrelated words to refuse them. */
const MIN_CONTEXT_WORD = 3;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

// The substitutions zxcvbn's l33t table knows for single characters.
const L33T: Readonly<Record<string, readonly string[]>> = {
  a: ['4', '@'], b: ['8'], c: ['(', '{', '[', '<'], e: ['3'], g: ['6', '9', '&'],
  i: ['1', '!', '|'], l: ['1', '!', '|', '7'], o: ['0'], q: ['9'], s: ['$', '5'],
  t: ['+', '7'], x: ['%'], z: ['2'],
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const partsOf = (text: string): string[] => text.split(WORD_SEPARATORS);

const emailWords = (email: string): string[] => {
  const at = email.lastIndexOf('@');
  const local = at === -1 ? email : email.slice(0, at);
  const labels = at === -1 ? [] : email.slice(at + 1).split('.');
  // The last label is the top-level domain ("com", "de"): shared by everyone, not personal.
  const domainLabels = labels.length > 1 ? labels.slice(0, -1) : labels;
  return [local, ...partsOf(local), ...domainLabels];
};

export const contextWordsOf = (context: PasswordContext): readonly ContextWord[] => {
  const bySource: readonly (readonly [ContextSource, readonly string[]])[] = [
    ['name', partsOf(context.name)],
    ['email', emailWords(context.email.trim())],
    ['product', [PRODUCT_NAME]],
  ];
  const sources = new Map<string, ContextSource[]>();
  for (const [source, words] of bySource) {
    for (const raw of words) {
      const word = normalisePassword(raw).toLowerCase();
      if (codePointsOf(word).length < MIN_CONTEXT_WORD) continue;
      const known = sources.get(word) ?? [];
      if (!known.includes(source)) known.push(source);
      sources.set(word, known);
    }
  }
  return [...sources].map(([word, wordSources]) => ({ word, sources: wordSources }));
};

/** Matches the word in any case, with each letter possibly swapped for its l33t forms. */
const l33tPattern = (word: string): RegExp => {
  const parts = codePointsOf(word).map((point) => {
    const substitutes = L33T[point] ?? [];
    if (substitutes.length === 0) return escapeRegExp(point);
    return `(?:${[point, ...substitutes].map(escapeRegExp).join('|')})`;
  });
  return new RegExp(parts.join(''), 'giu');
};

export interface ContextUse {
  readonly found: readonly ContextWord[];
  /** Code points left once every context word found is taken out. */
  readonly remainingLength: number;
}

/** password must already be normalised. Longer words go first, so "maria.schmidt" wins over "maria". */
export const findContextWords = (password: string, words: readonly ContextWord[]): ContextUse => {
  const longestFirst = [...words].sort((a, b) => b.word.length - a.word.length);
  let rest = password;
  const found: ContextWord[] = [];
  for (const candidate of longestFirst) {
    const stripped = rest.replace(l33tPattern(candidate.word), '');
    if (stripped !== rest) found.push(candidate);
    rest = stripped;
  }
  return { found, remainingLength: codePointsOf(rest).length };
};
