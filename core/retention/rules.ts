/**
 * What an owner's retention rule matches. Pure: the caller reads the records and works out
 * each person's last activity; these functions only judge one record against one rule at `now`.
 *
 * Invariants: a record in the trash never matches; a record never matches before its window
 * has closed (its measured moment must lie strictly before `months` calendar months ago); a
 * rule with more months matches no record a rule with fewer months does not.
 */
import type { LocketRecord } from '../records/types';
import type { RetentionRule } from './policy';
import { DAY_MS } from './windows';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes every year as given. */
const utc = (year: number, monthIndex: number, day: number, timeOfDay = 0): number =>
  new Date(0).setUTCFullYear(year, monthIndex, day) + timeOfDay;

const daysInMonth = (year: number, monthIndex: number): number => new Date(utc(year, monthIndex + 1, 0)).getUTCDate();

/**
 * The same moment `months` calendar months earlier (UTC), the day clamped to the shorter
 * month: 31 March less one month is 28 (or 29) February, at the same time of day.
 */
export const monthsBefore = (now: number, months: number): number => {
  const date = new Date(now);
  const target = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(target / 12);
  const monthIndex = target - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));
  const timeOfDay = ((now % DAY_MS) + DAY_MS) % DAY_MS;
  return utc(year, monthIndex, day, timeOfDay);
};

/** Midnight UTC of an ISO date (YYYY-MM-DD), or null when it is not a real calendar date. */
export const isoDateToMs = (iso: string): number | null => {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return null;
  return utc(year, month - 1, day);
};

/**
 * The moment the rule measures this record from, or null when the rule does not apply to it
 * at all (another kind, an open case, a won opportunity, a record in the trash).
 * `lastActivity` is the latest updatedAt among the live records that link to the record
 * (0 when none do); only the people rule uses it, and never lets it make a person look older.
 */
export const ruleSince = (rule: RetentionRule, record: LocketRecord, lastActivity: number): number | null => {
  if (record.deletedAt !== null) return null;
  switch (rule.kind) {
    case 'inactive-people':
      return record.kind === 'person' ? Math.max(record.updatedAt, lastActivity) : null;
    case 'lost-opportunities': {
      if (record.kind !== 'opportunity' || record.fields.status !== 'lost') return null;
      const closeDate = record.fields.expectedCloseDate;
      // An unset or unreadable date falls back to the last edit, which is when it was marked lost at the latest.
      return (closeDate ? isoDateToMs(closeDate) : null) ?? record.updatedAt;
    }
    case 'closed-cases':
      return record.kind === 'case' && record.fields.status === 'closed' ? record.updatedAt : null;
  }
};

/** A record whose measured moment lies strictly before this is proposed: `rule.months` calendar months before now. */
export const ruleCutoff = (rule: RetentionRule, now: number): number => monthsBefore(now, rule.months);

/** True when the rule proposes this record now: its measured moment is more than `rule.months` months ago. */
export const matchesRule = (rule: RetentionRule, record: LocketRecord, lastActivity: number, now: number): boolean => {
  const since = ruleSince(rule, record, lastActivity);
  return since !== null && since < ruleCutoff(rule, now);
};
