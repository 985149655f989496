/** What the mapping selects call each import field, and how a column's choice is encoded in a select's value. */
import { FIELDS_OF_FILE, type CsvFile, type FieldsOfFile, type ImportTarget } from '../../core/csv/fields';
import { catalogue } from '../shared/i18n/catalogue';
import { TASK_CSV_WORDS } from '../shared/messages/task-csv-words';
import { ACTIVITY_CSV_WORDS } from '../shared/messages/activity-csv-words';

export const FIELD_LABELS = catalogue<Readonly<Record<FieldsOfFile[CsvFile], string>>>({
  en: {
    id: 'Locket ID', type: 'Type (person or organisation)', createdAt: 'Created', updatedAt: 'Updated', owner: 'Owner',
    firstName: 'First name', lastName: 'Last name', fullName: 'Full name (split into first and last)', name: 'Name',
    jobTitle: 'Job title', organisationId: 'Organisation ID', organisationName: 'Organisation (by name)', domain: 'Domain',
    emails: 'Emails', phones: 'Phones', websites: 'Websites', addresses: 'Addresses', street: 'Address: street',
    city: 'Address: city', region: 'Address: region', postcode: 'Address: postcode', country: 'Address: country',
    tags: 'Tags', customFields: 'Custom fields (Name: value)', note: 'Note on the record', consentBasis: 'Lawful basis', consentDate: 'Consent date',
    consentSource: 'Consent source', description: 'Description', status: 'Status', partyId: 'Party ID',
    partyName: 'Party (by name)', value: 'Value', currency: 'Currency', milestone: 'Milestone', probability: 'Probability',
    expectedCloseDate: 'Expected close date', lostReason: 'Lost reason', recordId: 'Record ID', recordName: 'Record (by name)', body: 'Note text',
    sourceUrl: 'Source URL', capturedAt: 'Captured at',
    ...TASK_CSV_WORDS.en.fields,
    ...ACTIVITY_CSV_WORDS.en.fields,
  },
  de: {
    id: 'Locket-ID', type: 'Art (person oder organisation)', createdAt: 'Angelegt', updatedAt: 'Geändert', owner: 'Zuständige Person',
    firstName: 'Vorname', lastName: 'Nachname', fullName: 'Vollständiger Name (in Vor- und Nachname geteilt)', name: 'Name',
    jobTitle: 'Position', organisationId: 'Organisations-ID', organisationName: 'Organisation (über den Namen)', domain: 'Domain',
    emails: 'E-Mail-Adressen', phones: 'Telefonnummern', websites: 'Websites', addresses: 'Adressen', street: 'Adresse: Straße',
    city: 'Adresse: Ort', region: 'Adresse: Region', postcode: 'Adresse: Postleitzahl', country: 'Adresse: Land',
    tags: 'Schlagwörter', customFields: 'Eigene Felder (Name: Wert)', note: 'Notiz zum Datensatz', consentBasis: 'Rechtsgrundlage', consentDate: 'Datum der Einwilligung',
    consentSource: 'Quelle der Einwilligung', description: 'Beschreibung', status: 'Status', partyId: 'Partei-ID',
    partyName: 'Partei (über den Namen)', value: 'Wert', currency: 'Währung', milestone: 'Meilenstein', probability: 'Wahrscheinlichkeit',
    expectedCloseDate: 'Voraussichtliches Abschlussdatum', lostReason: 'Verlustgrund', recordId: 'Datensatz-ID', recordName: 'Datensatz (über den Namen)', body: 'Text der Notiz',
    sourceUrl: 'Quell-URL', capturedAt: 'Erfasst am',
    ...TASK_CSV_WORDS.de.fields,
    ...ACTIVITY_CSV_WORDS.de.fields,
  },
});

export const FILE_LABELS = catalogue<Readonly<Record<CsvFile, string>>>({
  en: { contacts: 'People and organisations', cases: 'Cases', opportunities: 'Opportunities', notes: 'Notes', tasks: TASK_CSV_WORDS.en.file,
    activities: ACTIVITY_CSV_WORDS.en.file },
  de: { contacts: 'Personen und Organisationen', cases: 'Vorgänge', opportunities: 'Verkaufschancen', notes: 'Notizen', tasks: TASK_CSV_WORDS.de.file,
    activities: ACTIVITY_CSV_WORDS.de.file },
});

const IGNORE = '';
const CUSTOM = 'custom:';

export const targetValue = (target: ImportTarget<CsvFile>): string =>
  (target === null ? IGNORE : typeof target === 'string' ? target : `${CUSTOM}${target.customField}`);

/** The select's value back into a target; anything not offered for this file means "ignore". */
export const targetFromValue = (file: CsvFile, header: string, value: string): ImportTarget<CsvFile> => {
  if (value.startsWith(CUSTOM) && file !== 'notes' && header.trim() !== '') return { customField: header.trim() };
  const fields: readonly FieldsOfFile[CsvFile][] = FIELDS_OF_FILE[file];
  return fields.find((field) => field === value) ?? null;
};

export const fieldsOf = (file: CsvFile): readonly FieldsOfFile[CsvFile][] => FIELDS_OF_FILE[file];
