/**
 * A contacts row → what it says about one person or organisation: the raw field input the
 * record schema will validate, the link to its organisation, and the keys that find its
 * duplicate. Only fields the row speaks to appear in `input`, so an update can leave the
 * rest alone.
 */
import { normaliseDomain } from '../records/field-rules';
import { givenOnly, type RowCells } from './row-cells';

type Cells = RowCells<'contacts'>;

export interface ContactDraft {
  readonly kind: 'person' | 'organisation';
  readonly input: Readonly<Record<string, unknown>>;
  /** A person's organisation as the row names it; null when the row says nothing about it. */
  readonly organisation: { readonly id: string | null; readonly name: string | null } | null;
  /** Lower-cased emails, the organisation's domain and name: what duplicate matching compares. */
  readonly emails: readonly string[];
  readonly domain: string;
  readonly name: string;
  /** The row's note ("Notes" in address books): a note record for a new contact; null when blank. */
  readonly note: string | null;
}

const PERSON_WORDS = new Set(['person', 'people', 'individual', 'contact', 'human']);
const ORGANISATION_WORDS = new Set(['organisation', 'organization', 'org', 'company', 'business', 'account']);

const nonBlank = (...values: (string | undefined)[]): string | undefined => values.find((value) => value?.trim());

/** "Ada King Lovelace" → Ada King / Lovelace; "Lovelace, Ada" → Ada / Lovelace. */
const splitFullName = (full: string): { firstName: string; lastName: string } => {
  const trimmed = full.trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) return { firstName: trimmed.slice(comma + 1).trim(), lastName: trimmed.slice(0, comma).trim() };
  const space = trimmed.lastIndexOf(' ');
  return space === -1
    ? { firstName: trimmed, lastName: '' }
    : { firstName: trimmed.slice(0, space).trim(), lastName: trimmed.slice(space + 1) };
};

/** "Legitimate interest" → legitimate-interests: the schema's picklist, forgiving case, spacing and number. */
const normaliseBasis = (value: string): string => {
  const basis = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return basis === 'legitimate-interest' || basis === 'vital-interest' ? `${basis}s` : basis;
};

/** Other tools often write "www.example.com"; the schema wants a full web address. */
const withScheme = (website: string): string =>
  (/^[a-z][a-z0-9+.-]*:/i.test(website) || !/^[^\s/]+\.[^\s/]+/.test(website) ? website : `https://${website}`);

export type ContactKind = { readonly kind: 'person' | 'organisation' } | { readonly problem: 'unknown-type'; readonly value: string } | { readonly problem: 'no-name' };

/** The row's Type, or without one, a person when it has a person's name and an organisation when it has only a name. */
export const contactKind = (cells: Cells): ContactKind => {
  const type = cells.text('type')?.trim().toLowerCase() ?? '';
  if (PERSON_WORDS.has(type)) return { kind: 'person' };
  if (ORGANISATION_WORDS.has(type)) return { kind: 'organisation' };
  if (type !== '') return { problem: 'unknown-type', value: type.slice(0, 40) };
  if (nonBlank(cells.text('firstName'), cells.text('lastName'), cells.text('fullName'))) return { kind: 'person' };
  if (nonBlank(cells.text('name'), cells.text('organisationName'))) return { kind: 'organisation' };
  return { problem: 'no-name' };
};

const ADDRESS_PARTS = ['city', 'region', 'postcode', 'country'] as const;
const ADDRESS_FIELDS = ['addresses', 'street', ...ADDRESS_PARTS] as const;

/** Address columns plus one address joined from street, city, region, postcode and country columns. */
const oneAddressFile = (cells: Cells): string[] | undefined => {
  const listed = cells.list('addresses');
  const parts = [...(cells.list('street') ?? []), ...ADDRESS_PARTS.map((field) => cells.text(field)?.trim() ?? '')]
    .filter((part) => part !== '');
  return parts.length === 0 ? listed : [...(listed ?? []), parts.join(', ')];
};

/**
 * Several addresses side by side (Outlook's Business, Home and Other; Google's Address 1,
 * 2…): one address per group, joined from its parts, or its whole-address cell when its
 * parts are blank (the parts are what the owner typed; the whole is the tool's rendering).
 */
const addresses = (cells: Cells): string[] | undefined => {
  // A file whose headers name no address group (a Locket export, most tools): one address at most.
  if (!cells.groupedAddresses) return oneAddressFile(cells);
  const byField = new Map(ADDRESS_FIELDS.map((field) => [field, cells.byAddress(field)] as const));
  const cellsOf = (field: (typeof ADDRESS_FIELDS)[number], group: string): readonly string[] => byField.get(field)?.get(group) ?? [];
  const groups = [...new Set([...byField.values()].flatMap((grouped) => [...grouped.keys()]))];
  if (groups.every((group) => group === '')) return oneAddressFile(cells);
  const found = groups.flatMap((group) => {
    const parts = [...cellsOf('street', group), ...ADDRESS_PARTS.map((field) => cellsOf(field, group)[0] ?? '')].filter((part) => part !== '');
    return parts.length > 0 ? [parts.join(', ')] : [...cellsOf('addresses', group)];
  });
  return found.length === 0 ? undefined : found;
};

/** The fields people and organisations share. */
const sharedInput = (cells: Cells): Record<string, unknown> => {
  const websites = cells.list('websites');
  return {
    emails: cells.list('emails'),
    phones: cells.list('phones'),
    websites: cells.format === 'other' ? websites?.map(withScheme) : websites,
    addresses: addresses(cells),
    tags: cells.list('tags'),
    customFields: cells.customFields(),
    owner: cells.text('owner'),
  };
};

const consentInput = (cells: Cells): unknown => {
  const basis = cells.text('consentBasis');
  const date = cells.text('consentDate');
  const source = cells.text('consentSource');
  if (basis === undefined && date === undefined && source === undefined) return undefined;
  return { basis: normaliseBasis(basis ?? ''), date: date ?? '', source: source ?? '' };
};

const personNames = (cells: Cells): Record<string, unknown> => {
  const firstName = cells.text('firstName');
  const lastName = cells.text('lastName');
  const full = nonBlank(cells.text('fullName'), cells.format === 'other' ? cells.text('name') : undefined);
  return nonBlank(firstName, lastName) || !full ? { firstName, lastName } : splitFullName(full);
};

const lowerEmails = (input: Record<string, unknown>): string[] => {
  const emails = input.emails;
  return Array.isArray(emails) ? emails.map((email) => String(email).trim().toLowerCase()) : [];
};

const noteOf = (cells: Cells): string | null => {
  const note = cells.text('note')?.trim() ?? '';
  return note === '' ? null : note;
};

export const contactDraft = (cells: Cells, kind: 'person' | 'organisation'): ContactDraft => {
  if (kind === 'person') {
    const input = givenOnly({
      ...personNames(cells), jobTitle: cells.text('jobTitle'), ...sharedInput(cells), consent: consentInput(cells),
    });
    const id = cells.text('organisationId');
    const name = cells.text('organisationName');
    const organisation = id === undefined && name === undefined ? null : { id: id?.trim() || null, name: name?.trim() || null };
    return { kind, input, organisation, emails: lowerEmails(input), domain: '', name: '', note: noteOf(cells) };
  }
  const name = nonBlank(cells.text('name'), cells.text('organisationName'), cells.text('fullName'))
    ?? cells.text('name') ?? cells.text('organisationName');
  const domain = cells.text('domain');
  const input = givenOnly({ name, domain, ...sharedInput(cells) });
  return {
    kind, input, organisation: null, emails: lowerEmails(input), domain: normaliseDomain(domain ?? ''), name: name?.trim() ?? '',
    note: noteOf(cells),
  };
};
