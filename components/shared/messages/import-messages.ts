import type { ImportFileRefusal } from '../../../core/csv/csv-refusals';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../core/csv/parse';

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const count = (n: number): string => n.toLocaleString('en');
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
  'files-too-large-together': () => 'These files are too large to import together. Import them one at a time.',
  'mapping-mismatch': () => 'The column mapping does not match this file’s columns.',
  'file-kind-twice': ({ file }) => `Another chosen file already holds ${file}; import one ${file} file at a time.`,
};

export const importFileRefusalText = (refusal: ImportFileRefusal): string =>
  (IMPORT_FILE_MESSAGES[refusal.type] as (refusal: ImportFileRefusal) => string)(refusal);
