import { MAX_RULE_MONTHS, MAX_RULES, type PolicyProblem } from '../../../core/retention/policy';

/** The words for a retention choice that was refused; a code without words fails to compile. */
export const POLICY_PROBLEM_MESSAGES: {
  readonly [T in PolicyProblem['type']]: (problem: Extract<PolicyProblem, { type: T }>) => string
} = {
  'rule-kind': () => 'Choose what the rule looks for.',
  'months-not-number': () => 'Enter a number of months.',
  'months-not-whole': () => 'Use a whole number of months.',
  'months-too-few': () => 'Use at least 1 month.',
  'months-too-many': () => `Use at most ${MAX_RULE_MONTHS} months.`,
  'too-many-rules': () => `Keep at most ${MAX_RULES} rules.`,
  'invalid': ({ message }) => message,
};

export const policyProblemText = (problem: PolicyProblem): string =>
  (POLICY_PROBLEM_MESSAGES[problem.type] as (problem: PolicyProblem) => string)(problem);
