/**
 * The account password policy, after NIST SP 800-63B: a length floor and a generous
 * ceiling counted in code points, no composition rules, and refusal of passwords an
 * attacker would guess early — common and breached ones, ones built from the owner's
 * name, email or the product's name, and repetitive or sequential ones. Everything else
 * must reach a zxcvbn score of 3, or 2 for a passphrase of 15 characters or more (an
 * unexplained random stretch is scored by its alphabet, see random-stretch.ts).
 *
 * Pure and synchronous, cheap enough to run on every keystroke once the estimator's
 * dictionaries are loaded (the first call does that).
 */
import type { Score } from '@zxcvbn-ts/core';
import { codePointsOf, normalisePassword } from './normalise-password';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits';
import {
  contextWordsOf, findContextWords, type ContextSource, type ContextWord, type PasswordContext,
} from './password-context';
import { estimateGuesses, isListedCommonPassword, type GuessEstimate } from './password-estimator';
import { isDecoratedDictionaryWord, isRepeatedBlock, patternCoverage } from './password-patterns';
import { scoreWithAlphabet } from './random-stretch';

// The key derivation imports it from './normalise-password' directly, which keeps the
// dictionaries out of its bundle; re-exported here for callers of the policy.
export { normalisePassword } from './normalise-password';
export type { PasswordContext } from './password-context';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits';

/** Why a password is refused, as a code with what its words need; the words live in components. */
export type PasswordProblem =
  | { readonly code: 'too-short' }
  /** `length` is the password's own length, in code points, so the owner knows how much to cut. */
  | { readonly code: 'too-long'; readonly length: number }
  | { readonly code: 'common' }
  /** Which of the owner's words (name, email, the product's name) the password leans on. */
  | { readonly code: 'context'; readonly sources: readonly ContextSource[] }
  | { readonly code: 'repetitive' }
  | { readonly code: 'easy-to-guess' };

export type PasswordProblemCode = PasswordProblem['code'];

export type PasswordStrength = Score;

export interface PasswordVerdict {
  readonly acceptable: boolean;
  readonly problems: readonly PasswordProblem[];
  readonly strength: PasswordStrength;
  /** A refused password with no advice from the estimator: the owner is told to try a passphrase. */
  readonly suggestPassphrase: boolean;
  /** The estimator's own advice (zxcvbn's words). */
  readonly suggestions: readonly string[];
}

/** zxcvbn sees only this many code points: its matching slows sharply on long input, and
 * a longer password is judged by its start (the length rules still see all of it). */
const ANALYSED_LENGTH = 100;
/** NIST favours length: a passphrase this long may pass with a zxcvbn score of 2. */
const PASSPHRASE_LENGTH = 15;
const GOOD_SCORE = 3;
const PASSPHRASE_SCORE = 2;
/** More than this share of repeats, sequences and keyboard walks makes a password repetitive. */
const MAX_PATTERN_SHARE = 0.5;
/** A password refused as guessable shows at most "Weak", whatever zxcvbn thinks of it. */
const REFUSED_STRENGTH_CAP: PasswordStrength = 1;


const contextProblem = (password: string, words: readonly ContextWord[], estimate: GuessEstimate): PasswordProblem | null => {
  const use = findContextWords(password, words);
  if (use.found.length === 0) return null;
  if (use.remainingLength >= MIN_PASSWORD_LENGTH && estimate.score >= GOOD_SCORE) return null;
  const sources = new Set<ContextSource>(use.found.flatMap((word) => word.sources));
  const order: readonly ContextSource[] = ['name', 'email', 'product'];
  return { code: 'context', sources: order.filter((source) => sources.has(source)) };
};

/** Problems that say why an attacker would guess it early; each names its own cause. */
const guessabilityProblems = (
  password: string,
  points: readonly string[],
  analysedLength: number,
  contextWords: readonly ContextWord[],
  estimate: GuessEstimate,
): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  const wholeAnalysed = analysedLength === points.length;
  if (isListedCommonPassword(password) || (wholeAnalysed && isDecoratedDictionaryWord(estimate.matches))) {
    problems.push({ code: 'common' });
  }
  const fromContext = contextProblem(password, contextWords, estimate);
  if (fromContext) problems.push(fromContext);
  if (isRepeatedBlock(points) || patternCoverage(estimate.matches, analysedLength) > MAX_PATTERN_SHARE) {
    problems.push({ code: 'repetitive' });
  }
  return problems;
};

const meetsScore = (score: Score, length: number): boolean =>
  score >= GOOD_SCORE || (length >= PASSPHRASE_LENGTH && score >= PASSPHRASE_SCORE);

export const checkPassword = (password: string, context: PasswordContext): PasswordVerdict => {
  const normalised = normalisePassword(password);
  const points = codePointsOf(normalised);
  const analysedPoints = points.slice(0, ANALYSED_LENGTH);
  const contextWords = contextWordsOf(context);
  const zxcvbn = estimateGuesses(analysedPoints.join(''), contextWords.map((word) => word.word));
  const estimate = { ...zxcvbn, score: scoreWithAlphabet(zxcvbn.score, zxcvbn.matches, analysedPoints) };

  const lengthProblems: PasswordProblem[] = [];
  if (points.length < MIN_PASSWORD_LENGTH) lengthProblems.push({ code: 'too-short' });
  if (points.length > MAX_PASSWORD_LENGTH) lengthProblems.push({ code: 'too-long', length: points.length });
  const guessable = guessabilityProblems(normalised, points, analysedPoints.length, contextWords, estimate);
  const weak = lengthProblems.length === 0 && guessable.length === 0 && !meetsScore(estimate.score, points.length);
  const problems = [...lengthProblems, ...guessable, ...(weak ? [{ code: 'easy-to-guess' } as const] : [])];

  // A refused guessable password must not look good on the meter while the user types it.
  const capped = (guessable.length > 0 || points.length < MIN_PASSWORD_LENGTH) && estimate.score > REFUSED_STRENGTH_CAP;
  const strength: PasswordStrength = capped ? REFUSED_STRENGTH_CAP : estimate.score;
  const refused = guessable.length > 0 || weak;
  // zxcvbn's advice was given for its own score, which the alphabet count may have lifted.
  const advice = estimate.score >= GOOD_SCORE ? [] : estimate.suggestions;
  return {
    acceptable: problems.length === 0,
    problems,
    strength,
    suggestPassphrase: refused && advice.length === 0,
    suggestions: advice,
  };
};
