import { MAX_RULE_MONTHS, MAX_RULES, type PolicyProblem } from '../../../core/retention/policy';
import { catalogue } from '../i18n/catalogue';

type PolicyTexts = { readonly [T in PolicyProblem['type']]: (problem: Extract<PolicyProblem, { type: T }>) => string };

/** The words for a retention choice that was refused; a code without words fails to compile. */
export const POLICY_PROBLEM_MESSAGES = catalogue<PolicyTexts>({
  en: {
    'rule-kind': () => 'Choose what the rule looks for.',
    'months-not-number': () => 'Enter a number of months.',
    'months-not-whole': () => 'Use a whole number of months.',
    'months-too-few': () => 'Use at least 1 month.',
    'months-too-many': () => `Use at most ${MAX_RULE_MONTHS} months.`,
    'too-many-rules': () => `Keep at most ${MAX_RULES} rules.`,
    'invalid': ({ message }) => message,
  },
  de: {
    'rule-kind': () => 'Wählen Sie, wonach die Regel sucht.',
    'months-not-number': () => 'Geben Sie eine Anzahl Monate ein.',
    'months-not-whole': () => 'Verwenden Sie eine ganze Zahl von Monaten.',
    'months-too-few': () => 'Verwenden Sie mindestens 1 Monat.',
    'months-too-many': () => `Verwenden Sie höchstens ${MAX_RULE_MONTHS} Monate.`,
    'too-many-rules': () => `Höchstens ${MAX_RULES} Regeln.`,
    'invalid': ({ message }) => message,
  },
});

export const policyProblemText = (problem: PolicyProblem): string =>
  (POLICY_PROBLEM_MESSAGES[problem.type] as (problem: PolicyProblem) => string)(problem);
