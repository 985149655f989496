import type { ImportFileRefusal } from '../../../core/csv/csv-refusals';
import type { ImportItemRefusal, UndoSkipReason } from '../../../core/imports/import-batch-types';
import type { RowNote } from '../../../core/csv/row-notes';
import { fieldProblemText } from './field-messages';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../core/csv/parse';
import { formatNumber } from '../i18n/format';

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const count = (n: number): string => formatNumber(n);
const SAVE_AS_CSV = 'Open it in your spreadsheet and save it as “CSV UTF-8”, then import that file.';

const BINARY_MESSAGES = {
  'zip': `This is a zip or Excel (.xlsx) file, not CSV. Unzip it, or ${SAVE_AS_CSV.toLowerCase()}`,
  'xls': `This is an old Excel (.xls) file, not CSV. ${SAVE_AS_CSV}`,
  'pdf': 'This is a PDF, not a CSV file.',
  'utf-16': `This file is UTF-16 text; Locket reads UTF-8. ${SAVE_AS_CSV}`,
} as const;

/** The words for each refusal of a file to import; a code without words fails to compile. */
export const IMPORT_FILE_MESSAGES: {
  readonly [T in ImportFileRefusal['type']]: (refusal: Extract<ImportFileRefusal, { type: T }>) => string
} = {
  'too-large': ({ bytes }) => `This file is ${megabytes(bytes)}; Locket imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`,
  'binary': ({ kind }) => BINARY_MESSAGES[kind],
  'not-utf-8': () => `This file is not UTF-8 text. ${SAVE_AS_CSV}`,
  'empty': () => 'This file is empty.',
  'not-text': () => 'This file is not text, so it cannot be CSV. Choose the .csv file your spreadsheet or CRM exported.',
  'not-csv': () => 'This does not look like a CSV file: its first row should name the columns, separated by commas.',
  'too-many-rows': () => `This file has more than ${count(MAX_IMPORT_ROWS)} rows; Locket imports up to ${count(MAX_IMPORT_ROWS)} rows at a time. Split it into smaller files.`,
  'too-many-columns': ({ columns }) => `This file has ${count(columns)} columns; Locket imports up to ${count(MAX_IMPORT_COLUMNS)}. Remove the columns you do not need, or split the file.`,
  'row-too-wide': ({ row, cells }) => `Row ${row} has ${count(cells)} cells; Locket imports up to ${count(MAX_IMPORT_COLUMNS)} columns. Remove the cells you do not need, or split the file.`,
  'cell-too-long': ({ row, chars, column }) => (column === null
    ? `Row ${row} has a cell of ${count(chars)} characters; Locket imports cells of up to ${count(MAX_IMPORT_CELL_CHARS)} characters. Shorten it, or leave that column out of the file.`
    : `Row ${row} has a cell of ${count(chars)} characters (column “${column}”); Locket imports cells of up to ${count(MAX_IMPORT_CELL_CHARS)} characters. Shorten it, or leave that column out of the file.`),
  'blank-header': () => 'The first row of a CSV file must name its columns, and this one is blank.',
  'no-data-rows': () => 'This file has a header row but no rows of data.',
  'no-vcards': () => 'This .vcf file holds no contacts (no BEGIN:VCARD … END:VCARD).',
  'files-too-large-together': () => 'These files are too large to import together. Import them one at a time.',
  'mapping-mismatch': () => 'The column mapping does not match this file’s columns.',
  'file-kind-twice': ({ file }) => `Another chosen file already holds ${file}; import one ${file} file at a time.`,
};

export const importFileRefusalText = (refusal: ImportFileRefusal): string =>
  (IMPORT_FILE_MESSAGES[refusal.type] as (refusal: ImportFileRefusal) => string)(refusal);

/** The words for why an undo kept a record as it is; a code without words fails to compile. */
export const UNDO_SKIP_MESSAGES: {
  readonly [T in UndoSkipReason['type']]: (reason: Extract<UndoSkipReason, { type: T }>) => string
} = {
  'earlier-values-lost': () => 'Its earlier values are no longer in the change log.',
  'deleted-since': () => 'It was deleted after the import.',
  'changed-since': ({ undoing }) => (undoing === 'update'
    ? 'It was changed after the import, so it was kept as it is.'
    : 'It was changed after the import, so it was kept.'),
  'linked-since': () => 'Records added since link to it, so it was kept.',
};

export const undoSkipText = (reason: UndoSkipReason): string =>
  (UNDO_SKIP_MESSAGES[reason.type] as (reason: UndoSkipReason) => string)(reason);

/** The words for why an item of an import was refused before any write. */
export const IMPORT_ITEM_MESSAGES: {
  readonly [T in ImportItemRefusal['type']]: (refusal: Extract<ImportItemRefusal, { type: T }>) => string
} = {
  'invalid-fields': ({ errors }) => Object.entries(errors).map(([field, problem]) => `${field}: ${fieldProblemText(problem)}`).join(' '),
  'record-gone': () => 'The record to update no longer exists or is in the trash.',
};

export const importItemText = (refusal: ImportItemRefusal): string =>
  (IMPORT_ITEM_MESSAGES[refusal.type] as (refusal: ImportItemRefusal) => string)(refusal);

const NOT_A_TIME = (column: string, value: string): string => `${column}: “${value}” is not a date and time such as 2024-05-01T09:30:00Z`;

/** The words for what an import's check says about a row; a code without words fails to compile. */
export const ROW_NOTE_MESSAGES: {
  readonly [T in RowNote['type']]: (note: Extract<RowNote, { type: T }>) => string
} = {
  'unclosed-quote': () => 'A quoted cell is never closed, so this row ran into the rows after it.',
  'stray-quote': () => 'A cell has a stray double quote after its closing quote.',
  'unreadable-vcard': () => 'This contact in the vCard file could not be read.',
  'cell-count': ({ cells, headers }) => `This row has ${cells} cells but the header has ${headers}; a comma or quote is probably out of place.`,
  'unknown-type': ({ column, value }) => `${column}: “${value}” is not a type Locket knows: use person or organisation.`,
  'no-name': () => 'This row has no name: give a person a first or last name, or an organisation a name.',
  'not-a-time': ({ column, value, importTimeUsed }) =>
    (importTimeUsed ? `${NOT_A_TIME(column, value)}, so the import time is used.` : `${NOT_A_TIME(column, value)}.`),
  'field': ({ column, problem }) => (column === null ? fieldProblemText(problem) : `${column}: ${fieldProblemText(problem)}`),
  'duplicate': ({ kind, matchedBy, matchedRow }) => (matchedRow === null
    ? `Locket already has this ${kind} (same ${matchedBy}).`
    : `Row ${matchedRow} is the same ${kind} (same ${matchedBy}).`),
  'note-without-record': ({ column }) => `${column}: the note does not say which record it belongs to.`,
  'link-not-found': ({ column, ref, named, file }) => {
    const missing = `${column}: ${named ? `“${ref}”` : ref} is not in this import or in Locket`;
    return file === 'notes' ? `${missing}, so the note has nothing to belong to.` : `${missing}, so it is left unlinked.`;
  },
  'organisation-id-not-found': ({ id, linkedByName }) => (linkedByName
    ? `Organisation ID ${id} is not in this import or in Locket; linked by name instead.`
    : `Organisation ID ${id} is not in this import or in Locket, so the person is left without an organisation.`),
  'organisation-not-created': ({ name, errors }) =>
    `The organisation “${name}” could not be created (${Object.values(errors).map(fieldProblemText).join(' ')}), so the person is left without one.`,
  'erased': () => 'Erased earlier at the owner’s request.',
  'belongs-to-erased': () => 'It belongs to a person erased earlier at the owner’s request.',
};

export const rowNoteText = (note: RowNote): string =>
  (ROW_NOTE_MESSAGES[note.type] as (note: RowNote) => string)(note);

/** What the import preview says about a file beyond its rows. */
export const IMPORT_PREVIEW_MESSAGES = {
  vcardFile: 'a vCard file',
  photosSkipped: (photos: number): string =>
    `${count(photos)} ${photos === 1 ? 'photo was' : 'photos were'} left out: Locket keeps no images.`,
} as const;

/** The words of vCard export, from the export settings and a record's page. */
export const VCARD_EXPORT_MESSAGES = {
  everyoneHint: 'Every person and organisation outside the trash as one vCard 4.0 file (.vcf), with their notes, for phones and address books.',
  everyone: 'Download everyone as vCard (.vcf)',
  one: 'Download as vCard (.vcf)',
} as const;
