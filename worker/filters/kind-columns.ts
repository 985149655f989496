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

type MakeColumn = (dictionary: Dictionary, saved: unknown) => Column<unknown>;

interface KindColumns<K extends ListedKind> {
  readonly columns: Record<string, MakeColumn>;
  readonly split: (record: LocketRecord<K>) => Values;
  readonly join: (meta: Meta, values: Values) => LocketRecord<K>;
  /** What a freed row holds. */
  readonly blank: Values;
}

const NONE: readonly never[] = Object.freeze([]);
const text: MakeColumn = (_dictionary, saved) => textColumn(saved) as Column<unknown>;
const texts: MakeColumn = (_dictionary, saved) => textListColumn(saved) as Column<unknown>;
const code: MakeColumn = (dictionary, saved) => codeColumn(dictionary, saved) as Column<unknown>;
const codes: MakeColumn = (dictionary, saved) => codeListColumn(dictionary, saved) as Column<unknown>;
const number: MakeColumn = (_dictionary, saved) => numberColumn(saved) as Column<unknown>;

/** Custom fields as two aligned lists: names (repeating, coded) and values. */
const CUSTOM_COLUMNS = { customNames: codes, customValues: texts };
const splitCustoms = (fields: readonly CustomField[]): Values =>
  ({ customNames: fields.map((field) => field.name), customValues: fields.map((field) => field.value) });
const joinCustoms = (values: Values): readonly CustomField[] => {
  const names = values['customNames'] as readonly string[];
  const held = values['customValues'] as readonly string[];
  return names.length === 0 ? NONE : names.map((name, at) => ({ name, value: held[at] ?? '' }));
};
const BLANK_CUSTOMS = { customNames: NONE, customValues: NONE };

/** Typed reads of a row's values, as its columns hold them. */
const reader = (values: Values) => ({
  text: (name: string) => values[name] as string,
  maybe: (name: string) => values[name] as string | null,
  list: (name: string) => values[name] as readonly string[],
});

const person: KindColumns<'person'> = {
  columns: {
    firstName: text, lastName: text, email: text, organisationId: text, addresses: texts, tags: codes,
    ...CUSTOM_COLUMNS, basis: code, consentDate: code, owner: code,
  },
  split: ({ fields: f }) => ({
    firstName: f.firstName, lastName: f.lastName, email: f.emails.length === 0 ? null : f.emails[0] ?? '',
    organisationId: f.organisationId, addresses: f.addresses, tags: f.tags, ...splitCustoms(f.customFields),
    basis: f.consent?.basis ?? null, consentDate: f.consent?.date ?? null, owner: f.owner,
  }),
  join: (meta, values) => {
    const at = reader(values);
    const email = at.maybe('email');
    const basis = at.maybe('basis');
    return { ...meta, kind: 'person', fields: {
      firstName: at.text('firstName'), lastName: at.text('lastName'), jobTitle: '', organisationId: at.maybe('organisationId'),
      emails: email === null ? NONE : [email], phones: NONE, websites: NONE, addresses: at.list('addresses'), tags: at.list('tags'),
      customFields: joinCustoms(values), owner: at.text('owner'), cadenceDays: null,
      consent: basis === null ? null : { basis: basis as never, date: at.maybe('consentDate') ?? '', source: '' },
    } };
  },
  blank: { firstName: '', lastName: '', email: null, organisationId: null, addresses: NONE, tags: NONE, ...BLANK_CUSTOMS, basis: null, consentDate: null, owner: null },
};

const organisation: KindColumns<'organisation'> = {
  columns: { name: text, domain: text, addresses: texts, tags: codes, ...CUSTOM_COLUMNS, owner: code },
  split: ({ fields: f }) => ({ name: f.name, domain: f.domain, addresses: f.addresses, tags: f.tags, ...splitCustoms(f.customFields), owner: f.owner }),
  join: (meta, values) => {
    const at = reader(values);
    return { ...meta, kind: 'organisation', fields: {
      name: at.text('name'), domain: at.text('domain'), emails: NONE, phones: NONE, websites: NONE, addresses: at.list('addresses'),
      tags: at.list('tags'), customFields: joinCustoms(values), owner: at.text('owner'),
    } };
  },
  blank: { name: '', domain: '', addresses: NONE, tags: NONE, ...BLANK_CUSTOMS, owner: null },
};

// Custom fields of cases and deals are not filtered on (text-tests.ts reads people's and organisations').
const caseColumns: KindColumns<'case'> = {
  columns: { name: text, status: code, partyId: text, owner: code },
  split: ({ fields: f }) => ({ name: f.name, status: f.status, partyId: f.partyId, owner: f.owner }),
  join: (meta, values) => {
    const at = reader(values);
    return { ...meta, kind: 'case', fields: {
      name: at.text('name'), description: '', status: at.text('status') as never, partyId: at.maybe('partyId'), customFields: NONE, owner: at.text('owner'),
    } };
  },
  blank: { name: '', status: null, partyId: null, owner: null },
};

const opportunity: KindColumns<'opportunity'> = {
  columns: { name: text, partyId: text, value: number, currency: code, milestone: code, expectedCloseDate: code, status: code, owner: code },
  split: ({ fields: f }) => ({
    name: f.name, partyId: f.partyId, value: f.value, currency: f.currency, milestone: f.milestone,
    expectedCloseDate: f.expectedCloseDate, status: f.status, owner: f.owner,
  }),
  join: (meta, values) => {
    const at = reader(values);
    return { ...meta, kind: 'opportunity', fields: {
      name: at.text('name'), partyId: at.maybe('partyId'), value: values['value'] as number | null, currency: at.text('currency'),
      milestone: at.text('milestone'), probability: 0, expectedCloseDate: at.maybe('expectedCloseDate'), status: at.text('status') as never,
      customFields: NONE, lostReason: '', owner: at.text('owner'),
    } };
  },
  blank: { name: '', partyId: null, value: null, currency: null, milestone: null, expectedCloseDate: null, status: null, owner: null },
};

export const KIND_COLUMNS: { readonly [K in ListedKind]: KindColumns<K> } = { person, organisation, case: caseColumns, opportunity };
