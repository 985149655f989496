/**
 * The owner's retention choices: automatic snapshots on or off, how long login history is
 * kept, and the rules that propose records for the trash. None of it is personal data, and
 * the background must read it while the vault is locked, so it lives in `meta` in the clear,
 * validated on every read.
 */
import * as v from 'valibot';
import type { Result } from '../result';
import type { LocketDatabase } from '../db/schema';
import { DEFAULT_LOGIN_DAYS, LOGIN_DAY_CHOICES } from './windows';
import { writeTransaction } from '../db/transaction';

export const RETENTION_POLICY_KEY = 'retention-policy';

export const RULE_KINDS = ['inactive-people', 'lost-opportunities', 'closed-cases'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** At most ten years: a longer rule would never propose anything in practice. */
export const MAX_RULE_MONTHS = 120;
export const MAX_RULES = 20;

/**
 * Why a policy was refused, as codes the schema reports as its messages; the words live in
 * the retention elements' table (components/shared/messages/retention-messages.ts).
 */
const POLICY_PROBLEMS = ['rule-kind', 'months-not-number', 'months-not-whole', 'months-too-few', 'months-too-many', 'too-many-rules'] as const;

/** `invalid`: a value no control of the page can produce, with the schema's own (developer's) message. */
export type PolicyProblem = { readonly type: (typeof POLICY_PROBLEMS)[number] } | { readonly type: 'invalid'; readonly message: string };

const problemOf = (message: string): PolicyProblem => {
  const code = POLICY_PROBLEMS.find((problem) => problem === message);
  return code ? { type: code } : { type: 'invalid', message };
};

export const RetentionRuleSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
  kind: v.picklist(RULE_KINDS, 'rule-kind'),
  months: v.pipe(
    v.number('months-not-number'),
    v.integer('months-not-whole'),
    v.minValue(1, 'months-too-few'),
    v.maxValue(MAX_RULE_MONTHS, 'months-too-many'),
  ),
});
export type RetentionRule = v.InferOutput<typeof RetentionRuleSchema>;

export const RetentionPolicySchema = v.object({
  snapshotsEnabled: v.boolean(),
  loginDays: v.picklist(LOGIN_DAY_CHOICES),
  rules: v.pipe(v.array(RetentionRuleSchema), v.maxLength(MAX_RULES, 'too-many-rules')),
});
export type RetentionPolicy = v.InferOutput<typeof RetentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { snapshotsEnabled: true, loginDays: DEFAULT_LOGIN_DAYS, rules: [] };

/** A stored policy that fails validation reads as the default: safe, and the owner sees it. */
export const readRetentionPolicy = async (db: LocketDatabase): Promise<RetentionPolicy> => {
  const parsed = v.safeParse(RetentionPolicySchema, await db.get('meta', RETENTION_POLICY_KEY));
  return parsed.success ? parsed.output : DEFAULT_RETENTION_POLICY;
};

/** Merges `patch` onto the stored policy; an invalid whole is refused with the first problem and writes nothing. */
export const writeRetentionPolicy = async (db: LocketDatabase, patch: Partial<RetentionPolicy>): Promise<Result<RetentionPolicy, PolicyProblem>> => {
  const parsed = v.safeParse(RetentionPolicySchema, { ...(await readRetentionPolicy(db)), ...patch });
  if (!parsed.success) return { ok: false, error: problemOf(parsed.issues[0].message) };
  await writeTransaction(db, ['meta'], (tx) => tx.objectStore('meta').put(parsed.output, RETENTION_POLICY_KEY));
  return { ok: true, value: parsed.output };
};
