/**
 * The zxcvbn-ts estimator behind the password policy. Its dictionaries are large (about
 * 2 MB of word lists), so they are ranked once, on the first check, and kept for the
 * life of the page.
 */
import { ZxcvbnFactory, type MatchExtended, type Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

export interface GuessEstimate {
  readonly score: Score;
  /** zxcvbn's cheapest explanation of the password: the matches cover it end to end. */
  readonly matches: readonly MatchExtended[];
  readonly suggestions: readonly string[];
}

interface Estimator {
  readonly factory: ZxcvbnFactory;
  /** Lower-cased entries of the common and breached password list. */
  readonly commonPasswords: ReadonlySet<string>;
}

let estimator: Estimator | undefined;

const loadEstimator = (): Estimator => {
  estimator ??= {
    factory: new ZxcvbnFactory({
      dictionary: { ...commonDictionary, ...englishDictionary },
      graphs: adjacencyGraphs,
      translations,
    }),
    commonPasswords: new Set(commonDictionary['passwords-common'].map((entry) => entry.toLowerCase())),
  };
  return estimator;
};

/** userInputs are words zxcvbn should treat as known to an attacker (name, email, product). */
export const estimateGuesses = (password: string, userInputs: readonly string[]): GuessEstimate => {
  const result = loadEstimator().factory.check(password, [...userInputs]);
  return { score: result.score, matches: result.sequence, suggestions: result.feedback.suggestions };
};

export const isListedCommonPassword = (password: string): boolean =>
  loadEstimator().commonPasswords.has(password.toLowerCase());

/** English wording of zxcvbn's own advice, for when it gives none of its own. */
export const useMoreWordsSuggestion: string = translations.suggestions.anotherWord;
