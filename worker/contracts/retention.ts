/** Retention rules: the worker proposes what a rule matches; nothing moves until the owner confirms. */
import type { RecordId, RecordKind } from '../../core/records/types';
import { RetentionRuleSchema } from '../../core/retention/policy';
import { method, returns } from './method';

/** One record a retention rule proposes for the trash. */
export interface RetentionCandidate {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly title: string;
  readonly subtitle: string;
  /** The moment the rule measured from (last activity, or when the opportunity was lost or the case closed). */
  readonly since: number;
}

export const retentionContract = {
  /** The live records the rule matches now; nothing moves until the owner confirms (store.removeMany). */
  proposeRetention: method({ args: [RetentionRuleSchema], result: returns<readonly RetentionCandidate[]>() }),
};
