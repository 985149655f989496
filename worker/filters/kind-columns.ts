/**
 * Per listed kind, the columns the filter columns hold (filter-columns.ts), how a record splits
 * into them and how a record is made again from them. Only what core/filters reads is kept:
 * names, a person's first email (the name sort falls back to it, core/records/display.ts),
 * organisation or party, addresses, tags, people's and organisations' custom fields, consent's
 * basis and date, owner, status, milestone, value, currency and expected close. Every other
 * field comes back blank.
 */
import type { CustomField, ListedKind, LocketRecord } from '../../core/records/types';
import {
  codeColumn, codeListColumn, numberColumn, textColumn, textListColumn, type Column, type Dictionary,
} from './column-kit';

export type Listed = LocketRecord<ListedKind>;
export type Meta = Pick<Listed, 'id' | 'createdAt' | 'updatedAt'> & { readonly deletedAt: null };
export type Values = Record<string, unknown>;
export type Columns = Readonly<Record<string, Column<unknown>>>;

type MakeColumn = (dictionary: Dictionary, saved: unknown) => Column<unknown>;

interface KindColumns<K extends ListedKind> {
  readonly columns: Record<string, MakeColumn>;
  readonly split: (record: LocketRecord<K>) => Values;
  /** Each field of the kind's record, read from a row: every field the record has, blank when not held. */
  readonly reads: { readonly [F in keyof LocketRecord<K>['fields']]-?: (columns: Columns, row: number) => unknown };
  /** What a freed row holds. */
  readonly blank: Values;
}

const NONE: readonly never[] = Object.freeze([]);
const plain: MakeColumn = (_dictionary, saved) => textColumn(saved) as Column<unknown>;
const texts: MakeColumn = (_dictionary, saved) => textListColumn(saved) as Column<unknown>;
const code: MakeColumn = (dictionary, saved) => codeColumn(dictionary, saved) as Column<unknown>;
const codes: MakeColumn = (dictionary, saved) => codeListColumn(dictionary, saved) as Column<unknown>;
const number: MakeColumn = (_dictionary, saved) => numberColumn(saved) as Column<unknown>;

/** Custom fields as two aligned lists: names (repeating, coded) and values. */
const CUSTOM_COLUMNS = { customNames: codes, customValues: texts };
const splitCustoms = (fields: readonly CustomField[]): Values =>
  ({ customNames: fields.map((field) => field.name), customValues: fields.map((field) => field.value) });
const joinCustoms = (columns: Columns, row: number): readonly CustomField[] => {
  const names = list(columns, 'customNames', row);
  const held = list(columns, 'customValues', row);
  return names.length === 0 ? NONE : names.map((name, at) => ({ name, value: held[at] ?? '' }));
};
const BLANK_CUSTOMS = { customNames: NONE, customValues: NONE };

/** Typed reads of a row's values, as its columns hold them. */
const cell = (columns: Columns, name: string, row: number): unknown => columns[name]?.get(row);
const text = (columns: Columns, name: string, row: number): string => cell(columns, name, row) as string;
const maybe = (columns: Columns, name: string, row: number): string | null => cell(columns, name, row) as string | null;
const list = (columns: Columns, name: string, row: number): readonly string[] => cell(columns, name, row) as readonly string[];

type Read = (columns: Columns, row: number) => unknown;
const blankRead = (value: unknown): Read => () => value;
const textRead = (name: string): Read => (c, row) => text(c, name, row);
const maybeRead = (name: string): Read => (c, row) => maybe(c, name, row);
const listRead = (name: string): Read => (c, row) => list(c, name, row);

const person: KindColumns<'person'> = {
  columns: {
    firstName: plain, lastName: plain, email: plain, organisationId: plain, addresses: texts, tags: codes,
    ...CUSTOM_COLUMNS, basis: code, consentDate: code, owner: code,
  },
  split: ({ fields: f }) => ({
    firstName: f.firstName, lastName: f.lastName, email: f.emails.length === 0 ? null : f.emails[0] ?? '',
    organisationId: f.organisationId, addresses: f.addresses, tags: f.tags, ...splitCustoms(f.customFields),
    basis: f.consent?.basis ?? null, consentDate: f.consent?.date ?? null, owner: f.owner,
  }),
  reads: {
    firstName: textRead('firstName'), lastName: textRead('lastName'), jobTitle: blankRead(''), organisationId: maybeRead('organisationId'),
    emails: (c, row) => { const email = maybe(c, 'email', row); return email === null ? NONE : [email]; },
    phones: blankRead(NONE), websites: blankRead(NONE), addresses: listRead('addresses'), tags: listRead('tags'),
    customFields: joinCustoms, owner: textRead('owner'), cadenceDays: blankRead(null),
    consent: (c, row) => {
      const basis = maybe(c, 'basis', row);
      return basis === null ? null : { basis, date: maybe(c, 'consentDate', row) ?? '', source: '' };
    },
  },
  blank: { firstName: '', lastName: '', email: null, organisationId: null, addresses: NONE, tags: NONE, ...BLANK_CUSTOMS, basis: null, consentDate: null, owner: null },
};

const organisation: KindColumns<'organisation'> = {
  columns: { name: plain, domain: plain, addresses: texts, tags: codes, ...CUSTOM_COLUMNS, owner: code },
  split: ({ fields: f }) => ({ name: f.name, domain: f.domain, addresses: f.addresses, tags: f.tags, ...splitCustoms(f.customFields), owner: f.owner }),
  reads: {
    name: textRead('name'), domain: textRead('domain'), emails: blankRead(NONE), phones: blankRead(NONE), websites: blankRead(NONE),
    addresses: listRead('addresses'), tags: listRead('tags'), customFields: joinCustoms, owner: textRead('owner'),
  },
  blank: { name: '', domain: '', addresses: NONE, tags: NONE, ...BLANK_CUSTOMS, owner: null },
};

// Custom fields of cases and deals are not filtered on (text-tests.ts reads people's and organisations').
const caseColumns: KindColumns<'case'> = {
  columns: { name: plain, status: code, partyId: plain, owner: code },
  split: ({ fields: f }) => ({ name: f.name, status: f.status, partyId: f.partyId, owner: f.owner }),
  reads: {
    name: textRead('name'), description: blankRead(''), status: textRead('status'), partyId: maybeRead('partyId'),
    customFields: blankRead(NONE), owner: textRead('owner'),
  },
  blank: { name: '', status: null, partyId: null, owner: null },
};

const opportunity: KindColumns<'opportunity'> = {
  columns: { name: plain, partyId: plain, value: number, currency: code, milestone: code, expectedCloseDate: code, status: code, owner: code },
  split: ({ fields: f }) => ({
    name: f.name, partyId: f.partyId, value: f.value, currency: f.currency, milestone: f.milestone,
    expectedCloseDate: f.expectedCloseDate, status: f.status, owner: f.owner,
  }),
  reads: {
    name: textRead('name'), partyId: maybeRead('partyId'), value: (c, row) => cell(c, 'value', row), currency: textRead('currency'),
    milestone: textRead('milestone'), probability: blankRead(0), expectedCloseDate: maybeRead('expectedCloseDate'), status: textRead('status'),
    customFields: blankRead(NONE), lostReason: blankRead(''), owner: textRead('owner'),
  },
  blank: { name: '', partyId: null, value: null, currency: null, milestone: null, expectedCloseDate: null, status: null, owner: null },
};

export const KIND_COLUMNS: { readonly [K in ListedKind]: KindColumns<K> } = { person, organisation, case: caseColumns, opportunity };
