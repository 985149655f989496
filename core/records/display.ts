import { numberFormat } from '../i18n/intl-cache';
import type { LocketRecord, OpportunityFields } from './types';

const NOTE_TITLE_LENGTH = 80;

/** Cut to at most `max` characters (code points, so no half emoji), ending in "…" when cut. */
const cut = (line: string, max: number): string => {
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
};

const firstLine = (body: string): string =>
  body.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? '';

/**
 * The name a list row, a search hit and a link show; '' for a person or organisation with
 * nothing to name it by, which the interface words (components/shared/record-title.ts).
 */
export const titleOf = (record: LocketRecord): string => {
  switch (record.kind) {
    case 'person': {
      const { firstName, lastName, emails } = record.fields;
      return [firstName, lastName].filter((part) => part !== '').join(' ') || (emails[0] ?? '');
    }
    case 'organisation':
      return record.fields.name || record.fields.domain;
    case 'case':
    case 'opportunity':
      return record.fields.name;
    case 'note':
      return cut(firstLine(record.fields.body), NOTE_TITLE_LENGTH);
    case 'task':
      return cut(firstLine(record.fields.description), NOTE_TITLE_LENGTH);
    case 'activity':
      return cut(firstLine(record.fields.outcome || record.fields.body), NOTE_TITLE_LENGTH);
  }
};

/** "€1,200", "€1,200.50", or the bare number when the currency is missing or unknown to Intl. */
export const formatValue = (value: number, currency: string, locale = 'en'): string => {
  const whole = Number.isInteger(value);
  const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  try {
    if (currency !== '') return numberFormat(locale, { style: 'currency', currency, ...digits }).format(value);
  } catch {
    // An unusual stored code: fall through to the bare number with the code beside it.
  }
  const number = numberFormat(locale, whole ? digits : { maximumFractionDigits: 2 }).format(value);
  return currency === '' ? number : `${number} ${currency}`;
};

const opportunitySubtitle = ({ value, currency, status }: OpportunityFields): string =>
  value === null ? status : `${formatValue(value, currency)} · ${status}`;

/** A short second line: job title, domain, status, value… */
export const subtitleOf = (record: LocketRecord): string => {
  switch (record.kind) {
    case 'person':
      return record.fields.jobTitle || (record.fields.emails[0] ?? '');
    case 'organisation':
      return record.fields.domain || (record.fields.emails[0] ?? '');
    case 'case':
      return record.fields.status;
    case 'opportunity':
      return opportunitySubtitle(record.fields);
    case 'note':
      return '';
    case 'task':
      return [record.fields.dueDate, record.fields.dueTime].filter((part) => part !== null).join(' ');
    case 'activity':
      return record.fields.type;
  }
};

export const SEARCH_FIELDS = ['name', 'emails', 'phones', 'domain', 'tags', 'extra'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchText = Readonly<Record<SearchField, string>>;

/** One entry per line, so a tokenizer can tell where one phone number ends and the next begins. */
const lines = (...parts: readonly (string | readonly string[])[]): string =>
  parts.flat().filter((part) => part !== '').join('\n');

/**
 * The text the search index sees, by field: names, contact details, tags, and in `extra`
 * the descriptive text (job title, addresses, custom field values, a case's description,
 * a note's body). Every field is always present, blank when the kind has none.
 */
export const searchTextOf = (record: LocketRecord): SearchText => {
  const blank = { name: '', emails: '', phones: '', domain: '', tags: '', extra: '' };
  switch (record.kind) {
    case 'person': {
      const f = record.fields;
      return {
        ...blank,
        name: [f.firstName, f.lastName].filter((part) => part !== '').join(' '),
        emails: lines(f.emails),
        phones: lines(f.phones),
        tags: lines(f.tags),
        extra: lines(f.jobTitle, f.websites, f.addresses, f.customFields.map((c) => c.value)),
      };
    }
    case 'organisation': {
      const f = record.fields;
      return {
        ...blank,
        name: f.name,
        emails: lines(f.emails),
        phones: lines(f.phones),
        domain: f.domain,
        tags: lines(f.tags),
        extra: lines(f.websites, f.addresses, f.customFields.map((c) => c.value)),
      };
    }
    case 'case':
      return { ...blank, name: record.fields.name, extra: lines(record.fields.description, record.fields.customFields.map((c) => c.value)) };
    case 'opportunity':
      return {
        ...blank, name: record.fields.name,
        extra: lines(record.fields.milestone, record.fields.status, record.fields.customFields.map((c) => c.value)),
      };
    case 'note':
      return { ...blank, name: titleOf(record), extra: record.fields.body };
    case 'task':
      return { ...blank, name: titleOf(record), extra: lines(record.fields.description, record.fields.category) };
    case 'activity':
      return { ...blank, name: titleOf(record), extra: lines(record.fields.outcome, record.fields.body) };
  }
};

/** Who a record is someone's: its owner, or a task's assignee; null for a note or a logged conversation. */
export const ownerOf = (record: LocketRecord): string | null => {
  if (record.kind === 'task') return record.fields.assignee;
  return record.kind === 'note' || record.kind === 'activity' ? null : record.fields.owner;
};
