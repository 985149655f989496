/**
 * People and organisations as vCard 4.0 (RFC 6350), written by ical.js, which is loaded on
 * first use. What a vCard has a property for is written there: names, organisation and
 * department (ORG), job title, every email, phone, web address and address, tags
 * (CATEGORIES), the custom field "Birthday" when it holds a date (BDAY), and the record's
 * notes (NOTE). Other custom fields, owner and consent have no vCard property and stay out.
 */
import type { ContactRecord } from '../csv/columns';
import { titleOf } from '../records/display';

export interface VcardContact {
  readonly record: ContactRecord;
  /** A person's organisation, by name. */
  readonly organisationName: string | null;
  /** The bodies of the record's notes. */
  readonly notes: readonly string[];
}

type Ical = (typeof import('ical.js'))['default'];
type Component = InstanceType<Ical['Component']>;

/** A vCard date: full (1984-03-15) or without a year (--03-15). */
const VCARD_DATE = /^(?:\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$/;

const customValue = (record: ContactRecord, name: string): string | undefined =>
  record.fields.customFields.find((field) => field.name.toLowerCase() === name.toLowerCase())?.value.trim();

const writeCard = (ical: Ical, { record, organisationName, notes }: VcardContact): Component => {
  const card = new ical.Component('vcard');
  /** `type` overrides the property's default value type; it is set first, as setting it clears the value. */
  const add = (name: string, value: string | readonly string[], type?: string) => {
    const property = new ical.Property(name, card);
    if (type) property.resetType(type);
    if (typeof value === 'string') property.setValue(value);
    else property.setValue([...value]);
    card.addProperty(property);
    return property;
  };
  add('version', '4.0');
  add('kind', record.kind === 'person' ? 'individual' : 'org');
  add('uid', `urn:uuid:${record.id}`);
  add('fn', titleOf(record));
  if (record.kind === 'person') {
    const { fields } = record;
    add('n', [fields.lastName, fields.firstName, '', '', '']);
    const department = customValue(record, 'Department');
    if (organisationName) add('org', department ? [organisationName, department] : [organisationName]);
    if (fields.jobTitle) add('title', fields.jobTitle);
    const birthday = customValue(record, 'Birthday');
    if (birthday && VCARD_DATE.test(birthday)) add('bday', birthday, 'date-and-or-time');
  } else {
    add('org', [record.fields.name]);
  }
  for (const email of record.fields.emails) add('email', email);
  for (const phone of record.fields.phones) add('tel', phone, 'text');
  for (const website of record.fields.websites) add('url', website);
  // The whole address in the street component: Locket keeps an address as one text.
  for (const address of record.fields.addresses) add('adr', ['', '', address, '', '', '', '']);
  if (record.fields.tags.length > 0) card.addPropertyWithValue('categories', '').setValues([...record.fields.tags]);
  for (const note of notes) add('note', note);
  return card;
};

/** One .vcf text holding every contact, in the order given. */
export const writeVcards = async (contacts: readonly VcardContact[]): Promise<string> => {
  const { default: ical } = await import('ical.js');
  return contacts.map((contact) => `${writeCard(ical, contact).toString()}\r\n`).join('');
};

/** A download's name: the one person's or organisation's name, else "contacts". */
export const vcardFileName = (contacts: readonly VcardContact[]): string => {
  const [only] = contacts;
  const base = contacts.length === 1 && only ? titleOf(only.record).replace(/[^\p{L}\p{N} _.-]+/gu, '').trim() : '';
  return `${base || 'locket-contacts'}.vcf`;
};
