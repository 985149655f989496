/**
 * Shapes of guessable passwords read from zxcvbn's matches (which cover the analysed
 * password end to end) plus a direct look for repetition zxcvbn need not pick.
 */
import type { MatchExtended } from '@zxcvbn-ts/core';
import { codePointsOf } from './normalise-password';

/** The most a year, digits or punctuation around a common word may add: "2024!", "123". */
const MAX_AFFIX = 6;
/** Shorter "words" (e.g. "a", "be") are noise in a dictionary match, not a common password. */
const MIN_WORD = 3;
const LETTER = /\p{L}/u;

const lengthOf = (token: string): number => codePointsOf(token).length;

/** Spaces and punctuation between copies do not make a repetition less guessable. */
const SEPARATORS = /[\s\p{P}$+<=>^`|~]/u;

/**
 * True when the whole password, leaving out spaces and punctuation, is one block typed
 * two or more times: "aaaaaaaa", "abcabcabc", "password password", "Tom-Tom-Tom".
 */
export const isRepeatedBlock = (points: readonly string[]): boolean => {
  const kept = points.filter((point) => !SEPARATORS.test(point));
  const units = (kept.length > 0 ? kept : points).map((point) => point.toLowerCase());
  const length = units.length;
  for (let block = 1; block * 2 <= length; block += 1) {
    if (length % block !== 0) continue;
    if (units.every((unit, index) => unit === units[index % block])) return true;
  }
  return false;
};

const PATTERN_KINDS: ReadonlySet<string> = new Set(['repeat', 'sequence', 'spatial']);

/** Share (0–1) of the analysed password that zxcvbn explains as repeats, sequences or keyboard walks. */
export const patternCoverage = (matches: readonly MatchExtended[], analysedLength: number): number => {
  if (analysedLength === 0) return 0;
  const covered = matches
    .filter((match) => PATTERN_KINDS.has(match.pattern))
    .reduce((sum, match) => sum + lengthOf(match.token), 0);
  return covered / analysedLength;
};

const isDictionaryWord = (match: MatchExtended): boolean =>
  match.pattern === 'dictionary' && match.dictionaryName !== 'userInputs' && lengthOf(match.token) >= MIN_WORD;

/**
 * True when the matches read as one dictionary word, possibly with case changes, l33t
 * ("p@ssw0rd") or reversal, and at most a short run of digits or symbols around it
 * ("Password2024!", "!monkey123"). Context words are judged elsewhere, with their own message.
 */
export const isDecoratedDictionaryWord = (matches: readonly MatchExtended[]): boolean => {
  const words = matches.filter(isDictionaryWord);
  if (words.length !== 1) return false;
  const affixes = matches.filter((match) => !isDictionaryWord(match));
  if (affixes.some((match) => LETTER.test(match.token))) return false;
  return affixes.reduce((sum, match) => sum + lengthOf(match.token), 0) <= MAX_AFFIX;
};
