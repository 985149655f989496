/**
 * Locket's own CSV columns: for each file, in order, the header, the import field it
 * feeds back into, how a record's value is written, and what it means. Export writes
 * exactly these; import recognises exactly these headers as a Locket file (mapping.ts).
 * columnDocs() turns the definitions into the user-facing column reference.
 *
 * Notes travel in a fourth file, notes.csv, one row per note, rather than joined into a
 * column of contacts.csv: a note belongs to any kind of record (cases and opportunities
 * too), carries its own id, source URL, capture time and timestamps, and a body of up to
 * 100,000 characters of free text, which no separator can safely join and which alone
 * can exceed a spreadsheet cell's limit (32,767 characters in Excel).
 */
import type {
  CaseRecord, NoteRecord, OpportunityRecord, OrganisationRecord, PersonRecord, RecordId,
} from '../records/types';
import { joinCustomFields, joinLines, timestampCell } from './cells';
import type { CsvFile, FieldsOfFile } from './fields';
import { TASK_COLUMNS, type TaskRecord } from './task-columns';
import { ACTIVITY_COLUMNS, type ActivityRecord } from './activity-log-columns';

export type ContactRecord = PersonRecord | OrganisationRecord;

export interface RecordOfFile {
  readonly contacts: ContactRecord;
  readonly cases: CaseRecord;
  readonly opportunities: OpportunityRecord;
  readonly notes: NoteRecord;
  readonly tasks: TaskRecord;
  readonly activities: ActivityRecord;
}

export interface ExportContext {
  /** A linked record's display name (organisation name, person's full name), written beside its id for people to read. */
  readonly nameOf: (id: RecordId) => string | undefined;
}

export interface CsvColumn<F extends CsvFile> {
  readonly header: string;
  readonly field: FieldsOfFile[F];
  readonly doc: string;
  readonly read: (record: RecordOfFile[F], context: ExportContext) => string;
}

const linkedName = (id: RecordId | null, context: ExportContext): string => (id ? context.nameOf(id) ?? '' : '');

const person = (record: ContactRecord) => (record.kind === 'person' ? record.fields : null);
const organisation = (record: ContactRecord) => (record.kind === 'organisation' ? record.fields : null);

const CONTACT_COLUMNS: readonly CsvColumn<'contacts'>[] = [
  { header: 'Locket ID', field: 'id', doc: 'The record’s id; other files link to it. Kept on import into a Locket that does not have it yet.', read: (r) => r.id },
  { header: 'Type', field: 'type', doc: '`person` or `organisation`.', read: (r) => r.kind },
  { header: 'First Name', field: 'firstName', doc: 'People only.', read: (r) => person(r)?.firstName ?? '' },
  { header: 'Last Name', field: 'lastName', doc: 'People only.', read: (r) => person(r)?.lastName ?? '' },
  { header: 'Name', field: 'name', doc: 'Organisations only: the organisation’s name.', read: (r) => organisation(r)?.name ?? '' },
  { header: 'Job Title', field: 'jobTitle', doc: 'People only.', read: (r) => person(r)?.jobTitle ?? '' },
  { header: 'Organisation ID', field: 'organisationId', doc: 'People only: the Locket ID of the organisation the person belongs to.', read: (r) => person(r)?.organisationId ?? '' },
  { header: 'Organisation', field: 'organisationName', doc: 'People only: that organisation’s name. Used on import when there is no Organisation ID; an organisation of that name is linked, or created.', read: (r, c) => linkedName(person(r)?.organisationId ?? null, c) },
  { header: 'Domain', field: 'domain', doc: 'Organisations only, such as example.co.uk.', read: (r) => organisation(r)?.domain ?? '' },
  { header: 'Emails', field: 'emails', doc: 'One per line.', read: (r) => joinLines(r.fields.emails) },
  { header: 'Phones', field: 'phones', doc: 'One per line.', read: (r) => joinLines(r.fields.phones) },
  { header: 'Websites', field: 'websites', doc: 'Web and profile addresses, one per line.', read: (r) => joinLines(r.fields.websites) },
  { header: 'Addresses', field: 'addresses', doc: 'One per line; a line break inside an address is written `\\n`.', read: (r) => joinLines(r.fields.addresses) },
  { header: 'Tags', field: 'tags', doc: 'One per line.', read: (r) => joinLines(r.fields.tags) },
  { header: 'Custom Fields', field: 'customFields', doc: 'One `Name: value` per line; a colon in a name is written `\\:`.', read: (r) => joinCustomFields(r.fields.customFields) },
  { header: 'Lawful Basis', field: 'consentBasis', doc: 'People only: consent, contract, legal-obligation, vital-interests, public-task or legitimate-interests.', read: (r) => person(r)?.consent?.basis ?? '' },
  { header: 'Consent Date', field: 'consentDate', doc: 'People only: the date the lawful basis was established, YYYY-MM-DD.', read: (r) => person(r)?.consent?.date ?? '' },
  { header: 'Consent Source', field: 'consentSource', doc: 'People only: where the lawful basis came from.', read: (r) => person(r)?.consent?.source ?? '' },
  { header: 'Owner', field: 'owner', doc: 'Who looks after the record.', read: (r) => r.fields.owner },
  { header: 'Created', field: 'createdAt', doc: 'When the record was created, ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'When the record last changed, ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];

const partyColumns = <F extends 'cases' | 'opportunities'>(what: string): CsvColumn<F>[] => [
  { header: 'Party ID', field: 'partyId', doc: `The Locket ID of the person or organisation the ${what} concerns.`, read: (r) => r.fields.partyId ?? '' },
  { header: 'Party', field: 'partyName', doc: 'That party’s name. Used on import when there is no Party ID, to link an organisation or person of that name.', read: (r, c) => linkedName(r.fields.partyId, c) },
];

const CASE_COLUMNS: readonly CsvColumn<'cases'>[] = [
  { header: 'Locket ID', field: 'id', doc: 'The case’s id; notes link to it.', read: (r) => r.id },
  { header: 'Name', field: 'name', doc: 'Required.', read: (r) => r.fields.name },
  { header: 'Description', field: 'description', doc: 'Free text.', read: (r) => r.fields.description },
  { header: 'Status', field: 'status', doc: '`open` or `closed`; blank reads as open.', read: (r) => r.fields.status },
  ...partyColumns<'cases'>('case'),
  { header: 'Owner', field: 'owner', doc: 'Who looks after the case.', read: (r) => r.fields.owner },
  { header: 'Created', field: 'createdAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];

const OPPORTUNITY_COLUMNS: readonly CsvColumn<'opportunities'>[] = [
  { header: 'Locket ID', field: 'id', doc: 'The opportunity’s id; notes link to it.', read: (r) => r.id },
  { header: 'Name', field: 'name', doc: 'Required.', read: (r) => r.fields.name },
  ...partyColumns<'opportunities'>('opportunity'),
  { header: 'Value', field: 'value', doc: 'A number of 0 or more in the currency’s major unit; blank when not known.', read: (r) => (r.fields.value === null ? '' : String(r.fields.value)) },
  { header: 'Currency', field: 'currency', doc: 'ISO 4217 code such as EUR; required when there is a value.', read: (r) => r.fields.currency },
  { header: 'Milestone', field: 'milestone', doc: 'The milestone’s id: new, qualified, proposal, negotiation, closing, or one the owner added. On import, a milestone’s name as the owner set it reads as its id, in any case; any other text is kept and shows as a column of its own on the board.', read: (r) => r.fields.milestone },
  { header: 'Probability', field: 'probability', doc: 'Whole number from 0 to 100.', read: (r) => String(r.fields.probability) },
  { header: 'Expected Close Date', field: 'expectedCloseDate', doc: 'YYYY-MM-DD, or blank.', read: (r) => r.fields.expectedCloseDate ?? '' },
  { header: 'Status', field: 'status', doc: '`open`, `won` or `lost`; blank reads as open.', read: (r) => r.fields.status },
  { header: 'Lost Reason', field: 'lostReason', doc: 'Why a lost opportunity was lost (one of the owner’s lost reasons when it was marked lost in Locket); blank otherwise.', read: (r) => r.fields.lostReason },
  { header: 'Owner', field: 'owner', doc: 'Who looks after the opportunity.', read: (r) => r.fields.owner },
  { header: 'Created', field: 'createdAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];

const NOTE_COLUMNS: readonly CsvColumn<'notes'>[] = [
  { header: 'Locket ID', field: 'id', doc: 'The note’s id.', read: (r) => r.id },
  { header: 'Record ID', field: 'recordId', doc: 'The Locket ID of the person, organisation, case or opportunity the note belongs to.', read: (r) => r.fields.recordId },
  { header: 'Record', field: 'recordName', doc: 'That record’s name, for reading; import uses it only when there is no Record ID.', read: (r, c) => linkedName(r.fields.recordId, c) },
  { header: 'Body', field: 'body', doc: 'The note’s text, line breaks and all.', read: (r) => r.fields.body },
  { header: 'Source URL', field: 'sourceUrl', doc: 'The page a captured note came from.', read: (r) => r.fields.sourceUrl ?? '' },
  { header: 'Captured At', field: 'capturedAt', doc: 'When it was captured, ISO 8601 UTC.', read: (r) => timestampCell(r.fields.capturedAt) },
  { header: 'Created', field: 'createdAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];

export const LOCKET_COLUMNS: { readonly [F in CsvFile]: readonly CsvColumn<F>[] } = {
  contacts: CONTACT_COLUMNS,
  cases: CASE_COLUMNS,
  opportunities: OPPORTUNITY_COLUMNS,
  notes: NOTE_COLUMNS,
  tasks: TASK_COLUMNS,
  activities: ACTIVITY_COLUMNS,
};

/** The header every Locket file starts with; its presence marks a file as Locket's own. */
export const ID_HEADER = 'Locket ID';

export const FILE_NAMES: { readonly [F in CsvFile]: string } = {
  contacts: 'contacts.csv', cases: 'cases.csv', opportunities: 'opportunities.csv', notes: 'notes.csv',
  tasks: 'tasks.csv', activities: 'activities.csv',
};

export interface ColumnDoc {
  readonly file: string;
  readonly header: string;
  readonly meaning: string;
}

/** One row per column of every file, in file and column order: the source of the column reference. */
export const columnDocs = (): ColumnDoc[] => [
  ...LOCKET_COLUMNS.contacts.map((c) => ({ file: FILE_NAMES.contacts, header: c.header, meaning: c.doc })),
  ...LOCKET_COLUMNS.cases.map((c) => ({ file: FILE_NAMES.cases, header: c.header, meaning: c.doc })),
  ...LOCKET_COLUMNS.opportunities.map((c) => ({ file: FILE_NAMES.opportunities, header: c.header, meaning: c.doc })),
  ...LOCKET_COLUMNS.notes.map((c) => ({ file: FILE_NAMES.notes, header: c.header, meaning: c.doc })),
  ...LOCKET_COLUMNS.tasks.map((c) => ({ file: FILE_NAMES.tasks, header: c.header, meaning: c.doc })),
  ...LOCKET_COLUMNS.activities.map((c) => ({ file: FILE_NAMES.activities, header: c.header, meaning: c.doc })),
];

/** The column reference as a markdown table. */
export const columnDocsMarkdown = (): string => [
  '| file | column | meaning |',
  '| --- | --- | --- |',
  ...columnDocs().map((d) => `| ${d.file} | ${d.header} | ${d.meaning.replace(/\|/g, '\\|')} |`),
].join('\n');
