import { RECORD_KINDS, type RecordKind } from '../../core/records/types';
import type { RuleKind, RetentionRule } from '../../core/retention/policy';
import type { SnapshotReason } from '../../core/snapshots/types';
import type { SweepTrigger } from '../../worker/sweep-contract';
import { KIND_LABELS } from '../shared/kind-labels';
import { formatDate, formatNumber } from '../shared/i18n/format';

/** The words the Retention section uses for times, sizes, counts and rules. */

/** Each formats in the page's language at the moment it is called. */
export const dateTime = { format: (at: number): string => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) };
export const dateOnly = { format: (at: number): string => formatDate(at, { dateStyle: 'medium' }) };
/** Calendar dates (an opportunity's expected close) are kept as midnight UTC: shown in UTC they keep their day. */
export const calendarDate = { format: (at: number): string => formatDate(at, { dateStyle: 'medium', timeZone: 'UTC' }) };

export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

export const durationText = (ms: number): string => {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
};

export const sizeText = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

/** "3 people, 1 note"; empty when every count is zero. */
export const kindCounts = (counts: Readonly<Partial<Record<RecordKind, number>>>): string =>
  RECORD_KINDS
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => plural(counts[kind] ?? 0, KIND_LABELS[kind].one.toLowerCase(), KIND_LABELS[kind].many.toLowerCase()))
    .join(', ');

export const countTotal = (counts: Readonly<Partial<Record<RecordKind, number>>>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

export const TRIGGER_TEXT: Readonly<Record<SweepTrigger, string>> = {
  page: 'started when a Locket page opened',
  alarm: 'started on schedule',
  manual: 'started by you',
};

export const REASON_TEXT: Readonly<Record<SnapshotReason, string>> = {
  daily: 'Daily',
  manual: 'Taken by you',
  'before-restore': 'Before a restore',
};

/** The start of each rule's sentence, as the add-rule form offers it. */
export const RULE_TEXT: Readonly<Record<RuleKind, string>> = {
  'inactive-people': 'People with no activity for',
  'lost-opportunities': 'Opportunities lost more than',
  'closed-cases': 'Cases closed more than',
};

/** What a candidate's `since` measures, as a label before its date. */
export const SINCE_TEXT: Readonly<Record<RuleKind, string>> = {
  'inactive-people': 'Last activity',
  'lost-opportunities': 'Lost',
  'closed-cases': 'Closed',
};

/** "months" after the number, and "ago" where the sentence needs it. */
export const monthsSuffix = (kind: RuleKind, months: number): string =>
  `${months === 1 ? 'month' : 'months'}${kind === 'inactive-people' ? '' : ' ago'}`;

/** The whole rule as one sentence: "Opportunities lost more than 3 months ago". */
export const ruleText = (rule: Pick<RetentionRule, 'kind' | 'months'>): string =>
  `${RULE_TEXT[rule.kind]} ${rule.months} ${monthsSuffix(rule.kind, rule.months)}`;
