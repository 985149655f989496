/**
 * Date conditions. A fixed day is compared by calendar day in the device's time zone (the
 * times a record carries are turned into that day; consent and close dates are days already);
 * "within N days" and "older than N days" measure from the injected clock's now.
 */
import type { LocketRecord } from '../records/types';
import type { Condition } from './filter-schema';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayClock {
  readonly now: number;
}

type DateCondition = Extract<Condition, { field: 'created' | 'updated' | 'consent-date' | 'close-date' | 'last-activity' }>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) of a moment, in the device's time zone. */
export const dayOf = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The start (local midnight) of a YYYY-MM-DD day. */
const startOfDay = (day: string): number => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1).getTime();
};

/** Monday 00:00 of the week `now` falls in, in the device's time zone (weeks start on Monday, ISO 8601). */
export const startOfWeek = (now: number): number => {
  const date = new Date(now);
  const sinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday).getTime();
};

/** The moment a date field holds, or null when the record has none. */
const momentOf = (condition: DateCondition, lastActivityOf: ((record: LocketRecord) => number) | undefined) =>
  (record: LocketRecord): number | null => {
    switch (condition.field) {
      case 'created': return record.createdAt;
      case 'updated': return record.updatedAt;
      case 'last-activity': return lastActivityOf ? lastActivityOf(record) : record.updatedAt;
      case 'consent-date': {
        const day = record.kind === 'person' ? record.fields.consent?.date : undefined;
        return day ? startOfDay(day) : null;
      }
      case 'close-date': {
        const day = record.kind === 'opportunity' ? record.fields.expectedCloseDate : null;
        return day ? startOfDay(day) : null;
      }
    }
  };

export const dateTest = (
  condition: DateCondition, context: DayClock & { readonly lastActivityOf?: (record: LocketRecord) => number },
): ((record: LocketRecord) => boolean) => {
  const moment = momentOf(condition, context.lastActivityOf);
  const compare = (holds: (ms: number) => boolean) => (record: LocketRecord): boolean => {
    const ms = moment(record);
    return ms !== null && holds(ms);
  };
  switch (condition.op) {
    case 'before': return compare((ms) => dayOf(ms) < condition.date);
    case 'after': return compare((ms) => dayOf(ms) > condition.date);
    case 'within-days': return compare((ms) => ms >= context.now - condition.days * DAY_MS);
    case 'older-than-days': return compare((ms) => ms < context.now - condition.days * DAY_MS);
    case 'this-week': {
      const start = startOfWeek(context.now);
      return compare((ms) => ms >= start);
    }
  }
};
