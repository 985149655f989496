import { RECORD_KINDS, type RecordKind } from '../../core/records/types';
import type { RuleKind, RetentionRule } from '../../core/retention/policy';
import type { SnapshotReason } from '../../core/snapshots/types';
import type { SweepTrigger } from '../../worker/sweep-contract';
import { catalogue } from '../shared/i18n/catalogue';
import { formatDate, formatMegabytes, formatNumber, plural as pluralForm } from '../shared/i18n/format';

/** The words the Retention section uses for times, sizes, counts and rules. */

/** Each formats in the page's language at the moment it is called. */
export const dateTime = { format: (at: number): string => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) };
export const dateOnly = { format: (at: number): string => formatDate(at, { dateStyle: 'medium' }) };
/** Calendar dates (an opportunity's expected close) are kept as midnight UTC: shown in UTC they keep their day. */
export const calendarDate = { format: (at: number): string => formatDate(at, { dateStyle: 'medium', timeZone: 'UTC' }) };

/** "1 record", "3 records": the count in the page's language, then the form its plural rules choose. */
export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${pluralForm(n, { one, other: many })}`;

const oneDecimal = (n: number): string => formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const durationText = (ms: number): string => {
  if (ms < 1000) return `${formatNumber(Math.max(0, Math.round(ms)))} ms`;
  if (ms < 60_000) return `${oneDecimal(ms / 1000)} s`;
  return `${formatNumber(Math.floor(ms / 60_000))} min ${Math.round((ms % 60_000) / 1000)} s`;
};

export const sizeText = (bytes: number): string => {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return formatMegabytes(bytes);
};

/** The kinds as counted in a sentence ("3 people, 1 note"), lower case in English, nouns in German. */
const COUNTED_KINDS = catalogue<Readonly<Record<RecordKind, { readonly one: string; readonly many: string }>>>({
  en: {
    person: { one: 'person', many: 'people' }, organisation: { one: 'organisation', many: 'organisations' },
    case: { one: 'case', many: 'cases' }, opportunity: { one: 'opportunity', many: 'opportunities' }, note: { one: 'note', many: 'notes' },
    task: { one: 'task', many: 'tasks' }, activity: { one: 'logged conversation', many: 'logged conversations' },
  },
  de: {
    person: { one: 'Person', many: 'Personen' }, organisation: { one: 'Organisation', many: 'Organisationen' },
    case: { one: 'Vorgang', many: 'Vorgänge' }, opportunity: { one: 'Verkaufschance', many: 'Verkaufschancen' }, note: { one: 'Notiz', many: 'Notizen' },
    task: { one: 'Aufgabe', many: 'Aufgaben' }, activity: { one: 'Aktivität', many: 'Aktivitäten' },
  },
});

/** "3 people, 1 note"; empty when every count is zero. */
export const kindCounts = (counts: Readonly<Partial<Record<RecordKind, number>>>): string =>
  RECORD_KINDS
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => plural(counts[kind] ?? 0, COUNTED_KINDS[kind].one, COUNTED_KINDS[kind].many))
    .join(', ');

export const countTotal = (counts: Readonly<Partial<Record<RecordKind, number>>>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

export const TRIGGER_TEXT = catalogue<Readonly<Record<SweepTrigger, string>>>({
  en: { page: 'started when a Locket page opened', alarm: 'started on schedule', manual: 'started by you' },
  de: { page: 'gestartet beim Öffnen einer Seite von Locket', alarm: 'planmäßig gestartet', manual: 'von Ihnen gestartet' },
});

export const REASON_TEXT = catalogue<Readonly<Record<SnapshotReason, string>>>({
  en: { 'daily': 'Daily', 'manual': 'Taken by you', 'before-restore': 'Before a restore' },
  de: { 'daily': 'Täglich', 'manual': 'Von Ihnen erstellt', 'before-restore': 'Vor einer Wiederherstellung' },
});

/** The start of each rule's sentence, as the add-rule form offers it. */
export const RULE_TEXT = catalogue<Readonly<Record<RuleKind, string>>>({
  en: {
    'inactive-people': 'People with no activity for',
    'lost-opportunities': 'Opportunities lost more than',
    'closed-cases': 'Cases closed more than',
  },
  de: {
    'inactive-people': 'Personen ohne Aktivität seit',
    'lost-opportunities': 'Verkaufschancen, verloren vor mehr als',
    'closed-cases': 'Vorgänge, abgeschlossen vor mehr als',
  },
});

/** What a candidate's `since` measures, as a label before its date. */
export const SINCE_TEXT = catalogue<Readonly<Record<RuleKind, string>>>({
  en: { 'inactive-people': 'Last activity', 'lost-opportunities': 'Lost', 'closed-cases': 'Closed' },
  de: { 'inactive-people': 'Letzte Aktivität', 'lost-opportunities': 'Verloren', 'closed-cases': 'Abgeschlossen' },
});

const MONTHS = catalogue({
  en: {
    /** "months" after the number, and "ago" where the sentence needs it. */
    suffix: (kind: RuleKind, months: number) => `${pluralForm(months, { one: 'month', other: 'months' })}${kind === 'inactive-people' ? '' : ' ago'}`,
  },
  de: {
    // Every German rule reads "… seit 3 Monaten" or "… vor mehr als 3 Monaten": the dative needs no "ago".
    suffix: (_kind: RuleKind, months: number) => pluralForm(months, { one: 'Monat', other: 'Monaten' }),
  },
});

export const monthsSuffix = (kind: RuleKind, months: number): string => MONTHS.suffix(kind, months);

/** The whole rule as one sentence: "Opportunities lost more than 3 months ago". */
export const ruleText = (rule: Pick<RetentionRule, 'kind' | 'months'>): string =>
  `${RULE_TEXT[rule.kind]} ${formatNumber(rule.months)} ${monthsSuffix(rule.kind, rule.months)}`;
