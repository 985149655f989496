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
const MAX_RULE_MONTHS = 120;

export const RetentionRuleSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
  kind: v.picklist(RULE_KINDS, 'Choose what the rule looks for.'),
  months: v.pipe(
    v.number('Enter a number of months.'),
    v.integer('Use a whole number of months.'),
    v.minValue(1, 'Use at least 1 month.'),
    v.maxValue(MAX_RULE_MONTHS, `Use at most ${MAX_RULE_MONTHS} months.`),
  ),
});
export type RetentionRule = v.InferOutput<typeof RetentionRuleSchema>;

export const RetentionPolicySchema = v.object({
  snapshotsEnabled: v.boolean(),
  loginDays: v.picklist(LOGIN_DAY_CHOICES),
  rules: v.pipe(v.array(RetentionRuleSchema), v.maxLength(20, 'Keep at most 20 rules.')),
});
export type RetentionPolicy = v.InferOutput<typeof RetentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { snapshotsEnabled: true, loginDays: DEFAULT_LOGIN_DAYS, rules: [] };

/** A stored policy that fails validation reads as the default: safe, and the owner sees it. */
export const readRetentionPolicy = async (db: LocketDatabase): Promise<RetentionPolicy> => {
  const parsed = v.safeParse(RetentionPolicySchema, await db.get('meta', RETENTION_POLICY_KEY));
  return parsed.success ? parsed.output : DEFAULT_RETENTION_POLICY;
};

/** Merges `patch` onto the stored policy; an invalid whole is refused with the first message and writes nothing. */
export const writeRetentionPolicy = async (db: LocketDatabase, patch: Partial<RetentionPolicy>): Promise<Result<RetentionPolicy, string>> => {
  const parsed = v.safeParse(RetentionPolicySchema, { ...(await readRetentionPolicy(db)), ...patch });
  if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
  await writeTransaction(db, ['meta'], (tx) => tx.objectStore('meta').put(parsed.output, RETENTION_POLICY_KEY));
  return { ok: true, value: parsed.output };
};
