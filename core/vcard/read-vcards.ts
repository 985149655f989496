/**
 * A .vcf file (vCard 2.1, 3.0 or 4.0; Apple Contacts, Google Contacts, Outlook) into the
 * same table a CSV import reads, one row per person, so the preview, the mapping, the dry
 * run and the undo are the CSV import's own. The columns carry the names Google Contacts
 * gives them, which the mapping already knows ("E-mail 2 - Value", "Organization Title");
 * a row's number is the contact's place in the file. ical.js parses each vCard; it is
 * loaded on first use, so only an import of a .vcf file pays for it.
 */
import type { CsvRow, CsvTable } from '../csv/parse';
import { MAX_IMPORT_ROWS } from '../csv/parse';
import type { CsvFileRefusal } from '../csv/csv-refusals';
import type { Result } from '../result';
import { cardsOf, type CardLines } from './content-lines';
import type { VcardFileRefusal } from './vcard-refusals';

export interface VcardTable {
  readonly table: CsvTable;
  /** Photos left out (Locket keeps no images), so the preview can say so. */
  readonly photosSkipped: number;
}

/** A jCard property: name, parameters, value type, then one value or several. */
type JCardProperty = readonly [string, Readonly<Record<string, unknown>>, string, ...unknown[]];

interface Contact {
  readonly kind: 'person' | 'organisation';
  readonly single: ReadonlyMap<string, string>;
  readonly lists: { readonly emails: string[]; readonly phones: string[]; readonly websites: string[]; readonly addresses: string[] };
}

type Ical = (typeof import('ical.js'))['default'];

const text = (value: unknown): string =>
  (Array.isArray(value) ? value.map(text).filter((part) => part !== '').join(' ') : typeof value === 'string' ? value.trim() : '');

/** A structured value (N, ADR, ORG) as its components, each flattened to text. */
const components = (property: JCardProperty): string[] => {
  const [value] = property.slice(3);
  return Array.isArray(value) ? value.map(text) : [text(value)];
};

const SINGLE_HEADERS = [
  'Type', 'First Name', 'Last Name', 'Full Name', 'Organization Name', 'Organization Title', 'Organization Department',
  'Birthday', 'Notes', 'Labels',
] as const;
type SingleHeader = (typeof SINGLE_HEADERS)[number];

const LIST_HEADERS = {
  emails: (n: number) => `E-mail ${n} - Value`,
  phones: (n: number) => `Phone ${n} - Value`,
  websites: (n: number) => `Website ${n} - Value`,
  addresses: (n: number) => `Address ${n} - Formatted`,
} as const;
type ListName = keyof typeof LIST_HEADERS;

/**
 * Street first, as people write an address: street, extended, PO box, locality, region,
 * code, country, on one line (Outlook puts a line break inside its street).
 */
const addressOf = (parts: readonly string[]): string => {
  const [poBox = '', extended = '', street = '', locality = '', region = '', code = '', country = ''] = parts;
  return [street, extended, poBox, locality, region, code, country]
    .map((part) => part.replace(/\s*[\r\n]+\s*/g, ', ')).filter((part) => part !== '').join(', ');
};

/** Google writes `http\://…`: an escape vCard 3.0 asks for in text, which ical.js leaves in a URI. */
const unescapeUri = (value: string): string => value.replace(/\\([,;:\\])/g, '$1');

/** 4.0 says KIND:org; Apple Contacts says X-ABShowAs:COMPANY. */
const isOrganisation = (properties: readonly JCardProperty[]): boolean => properties.some(([name, , , value]) =>
  (name === 'kind' && text(value).toLowerCase() === 'org') || (name === 'x-abshowas' && text(value).toUpperCase() === 'COMPANY'));

const contactOf = (properties: readonly JCardProperty[]): Contact => {
  const single = new Map<SingleHeader, string>();
  const lists = { emails: [] as string[], phones: [] as string[], websites: [] as string[], addresses: [] as string[] };
  const tags: string[] = [];
  const notes: string[] = [];
  const set = (header: SingleHeader, value: string) => { if (value !== '' && !single.has(header)) single.set(header, value); };
  const add = (list: ListName, value: string) => { if (value !== '') lists[list].push(value); };
  for (const property of properties) {
    const [name] = property;
    const values = property.slice(3).map(text);
    switch (name) {
      case 'fn': set('Full Name', values[0] ?? ''); break;
      case 'n': { const [family = '', given = ''] = components(property); set('Last Name', family); set('First Name', given); break; }
      case 'org': { const [organisation = '', ...units] = components(property); set('Organization Name', organisation); set('Organization Department', units.filter(Boolean).join(' / ')); break; }
      case 'title': set('Organization Title', values[0] ?? ''); break;
      case 'bday': set('Birthday', values[0] ?? ''); break;
      case 'note': notes.push(...values); break;
      case 'categories': tags.push(...values); break;
      case 'email': values.forEach((value) => add('emails', value)); break;
      case 'tel': values.forEach((value) => add('phones', value.replace(/^tel:/i, ''))); break;
      case 'url': values.forEach((value) => add('websites', unescapeUri(value))); break;
      case 'adr': add('addresses', addressOf(components(property))); break;
      default: break;
    }
  }
  set('Labels', tags.filter(Boolean).join('\n'));
  // Several NOTE properties become one note, in their order.
  set('Notes', notes.filter(Boolean).join('\n\n'));
  const kind = isOrganisation(properties) ? 'organisation' : 'person';
  set('Type', kind);
  return { kind, single, lists };
};

const isProperty = (value: unknown): value is JCardProperty =>
  Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'object' && typeof value[2] === 'string';

/** One vCard through ical.js; null when it cannot be read. */
const parseCard = (ical: Ical, card: CardLines): readonly JCardProperty[] | null => {
  try {
    const parsed: unknown = ical.parse(`${card.lines.join('\r\n')}\r\n`);
    const component = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : Array.isArray(parsed) ? parsed[0] : null;
    if (!Array.isArray(component) || component[0] !== 'vcard' || !Array.isArray(component[1])) return null;
    return (component[1] as unknown[]).filter(isProperty);
  } catch {
    return null;
  }
};

const tableOf = (contacts: readonly (Contact | null)[]): CsvTable => {
  const most = (list: ListName) => Math.max(0, ...contacts.map((contact) => contact?.lists[list].length ?? 0));
  const listColumns = (Object.keys(LIST_HEADERS) as ListName[])
    .flatMap((list) => Array.from({ length: most(list) }, (_, index) => ({ list, index, header: LIST_HEADERS[list](index + 1) })));
  const headers = [...SINGLE_HEADERS, ...listColumns.map((column) => column.header)];
  const rows = contacts.map((contact, index): CsvRow => ({
    rowNumber: index + 1,
    cells: contact === null
      ? headers.map(() => '')
      : [...SINGLE_HEADERS.map((header) => contact.single.get(header) ?? ''), ...listColumns.map(({ list, index: at }) => contact.lists[list][at] ?? '')],
    problem: contact === null ? { type: 'unreadable-vcard' } : null,
  }));
  return { headers, rows };
};

export const readVcards = async (content: string): Promise<Result<VcardTable, VcardFileRefusal | CsvFileRefusal>> => {
  const cards = cardsOf(content);
  if (cards.length === 0) return { ok: false, error: { type: 'no-vcards' } };
  if (cards.length > MAX_IMPORT_ROWS) return { ok: false, error: { type: 'too-many-rows' } };
  const { default: ical } = await import('ical.js');
  const contacts = cards.map((card) => {
    const properties = parseCard(ical, card);
    return properties === null ? null : contactOf(properties);
  });
  const photosSkipped = cards.reduce((sum, card) => sum + card.photos, 0);
  return { ok: true, value: { table: tableOf(contacts), photosSkipped } };
};
