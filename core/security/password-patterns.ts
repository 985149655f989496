/**
 * Shapes of guessable passwords read from zxcvbn's matches (which cover the analysed
 * password end to end) plus a direct look for repetition zxcvbn need not pick.
 */
import type { MatchExtended } from '@zxcvbn-ts/core';
import { codePointsOf } from './normalise-password';

/** A repeated unit this short is a pattern whatever it is, e.g. "abab", "x1x1x1". */
const SHORT_BLOCK = 4;
/** The most a year, digits or punctuation around a common word may add: "2024!", "123". */
const MAX_AFFIX = 6;
/** Shorter "words" (e.g. "a", "be") are noise in a dictionary match, not a common password. */
const MIN_WORD = 3;
const LETTER = /\p{L}/u;

const lengthOf = (token: string): number => codePointsOf(token).length;

/**
 * True when the whole password is one block typed again and again ("aaaaaaaa",
 * "abcabcabc", "xyxyxyx"): a short block repeated at least twice, or any block thrice.
 */
export const isRepeatedBlock = (points: readonly string[]): boolean => {
  const length = points.length;
  if (length < 2) return false;
  for (let block = 1; block * 2 <= length; block += 1) {
    const copies = length / block;
    if (block > SHORT_BLOCK && copies < 3) continue;
    if (points.every((point, index) => point === points[index % block])) return true;
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
