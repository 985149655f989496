/**
 * zxcvbn prices a stretch it cannot explain (no word, date, sequence or keyboard walk) at
 * ten guesses a character, whatever characters it holds. That puts every 8-character
 * password at 10^8 guesses, score 2, so the 8-character minimum could never be met. When
 * zxcvbn explains the whole password as one such stretch, its alphabet gives a fairer
 * count: "q7!Vz#Lp" is one of 75^8, while "73918264" stays one of 10^8.
 */
import type { MatchExtended, Score } from '@zxcvbn-ts/core';

const ALPHABETS: readonly (readonly [RegExp, number])[] = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/, 33],
  // Letters and symbols beyond ASCII: counted modestly, as an attacker would try the
  // common accented letters and symbols of the owner's keyboard first.
  [/[^\x20-\x7e]/u, 50],
];

/** zxcvbn's own bar for score 3: 10^10 guesses. */
const STRONG_GUESSES_LOG10 = 10;
/** The alphabet count may lift a score to "Strong", never further: it is an estimate of an estimate. */
const LIFTED_SCORE: Score = 3;

const guessesLog10 = (points: readonly string[]): number => {
  const text = points.join('');
  const size = ALPHABETS.reduce((sum, [pattern, count]) => sum + (pattern.test(text) ? count : 0), 0);
  return points.length * Math.log10(Math.max(size, 1));
};

/** zxcvbn's score, lifted to 3 for an unexplained stretch whose alphabet makes it hard enough to guess. */
export const scoreWithAlphabet = (score: Score, matches: readonly MatchExtended[], points: readonly string[]): Score => {
  const [only, ...others] = matches;
  const isOneRandomStretch = only?.pattern === 'bruteforce' && others.length === 0;
  if (!isOneRandomStretch || score >= LIFTED_SCORE) return score;
  return guessesLog10(points) >= STRONG_GUESSES_LOG10 ? LIFTED_SCORE : score;
};
