/**
 * The zxcvbn-ts estimator behind the password policy. Its word lists are large (about 1.6 MB
 * minified, 25 MB of heap once ranked), so they are ranked once, on the first check, and
 * kept for the life of the page. Import the policy lazily from the one page that sets a
 * password, so other bundles stay free of them.
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

/**
 * Each l33t reading of the password is one more pass over every dictionary; zxcvbn's
 * default of 100 readings makes a 64-character password with many digits and symbols take
 * a third of a second, too slow to check while typing. Twenty still covers the common
 * forms ("p@55w0rd", "$unsh1ne").
 */
const L33T_READINGS = 20;

let estimator: Estimator | undefined;

const loadEstimator = (): Estimator => {
  estimator ??= {
    factory: new ZxcvbnFactory({
      dictionary: { ...commonDictionary, ...englishDictionary },
      graphs: adjacencyGraphs,
      translations,
      l33tMaxSubstitutions: L33T_READINGS,
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
