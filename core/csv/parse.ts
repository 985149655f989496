/**
 * Reads the bytes of a CSV file into a table, or refuses it with a message the user can
 * act on. Row numbers are the ones a spreadsheet shows: the header is row 1, and a
 * record whose quoted cells span several lines is still one row.
 */
import Papa from 'papaparse';
import type { Result } from '../records/types';
import { restoreCell } from './neutralise';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface CsvRow {
  /** 1-based, as a spreadsheet shows it (the header is row 1). */
  readonly rowNumber: number;
  readonly cells: readonly string[];
  /** Why the row cannot be read as a record (wrong number of cells, a broken quote), or null. */
  readonly problem: string | null;
}

export interface CsvTable {
  readonly headers: readonly string[];
  /** Data rows; blank lines are left out but keep their place in the numbering. */
  readonly rows: readonly CsvRow[];
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Checks the size before the file is read at all. */
export const checkImportSize = (byteSize: number): string | null => (byteSize > MAX_IMPORT_BYTES
  ? `This file is ${megabytes(byteSize)}; Locket imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`
  : null);

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

const SAVE_AS_CSV = 'Open it in your spreadsheet and save it as “CSV UTF-8”, then import that file.';

/** Files people pick by mistake, recognised by their first bytes. */
const KNOWN_BINARIES: readonly { readonly signature: readonly number[]; readonly message: string }[] = [
  { signature: [0x50, 0x4b, 0x03, 0x04], message: `This is a zip or Excel (.xlsx) file, not CSV. Unzip it, or ${SAVE_AS_CSV.toLowerCase()}` },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], message: `This is an old Excel (.xls) file, not CSV. ${SAVE_AS_CSV}` },
  { signature: [0x25, 0x50, 0x44, 0x46], message: 'This is a PDF, not a CSV file.' },
  { signature: [0xff, 0xfe], message: `This file is UTF-16 text; Locket reads UTF-8. ${SAVE_AS_CSV}` },
  { signature: [0xfe, 0xff], message: `This file is UTF-16 text; Locket reads UTF-8. ${SAVE_AS_CSV}` },
];

/** Text with more control characters than this share (tab, CR, LF aside) is not a spreadsheet's text. */
const MAX_CONTROL_SHARE = 0.05;
const SAMPLE_CHARS = 65_536;

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

const isControl = (code: number): boolean => code < 32 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN;

const looksBinary = (text: string): boolean => {
  const sample = Math.min(text.length, SAMPLE_CHARS);
  let controls = 0;
  for (let index = 0; index < sample; index += 1) if (isControl(text.charCodeAt(index))) controls += 1;
  return sample > 0 && controls / sample > MAX_CONTROL_SHARE;
};

const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    // Strips one leading byte-order mark, so files with and without one read the same.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** The header line: column names hold no line breaks, so it ends at the first one. */
const firstLineOf = (text: string): { readonly line: string; readonly newline: '\r\n' | '\n' | '\r' } => {
  const match = /\r\n|\n|\r/.exec(text);
  if (!match) return { line: text, newline: '\r\n' };
  return { line: text.slice(0, match.index), newline: match[0] === '\n' ? '\n' : match[0] === '\r' ? '\r' : '\r\n' };
};

/** The delimiter the header line uses most: comma unless semicolons or tabs clearly win (European spreadsheets). */
const delimiterOf = (headerLine: string): string => {
  const count = (char: string): number => headerLine.split(char).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
};

const NOT_CSV = 'This does not look like a CSV file: its first row should name the columns, separated by commas.';
/** A one-column file is fine ("Email"), but a first row this long is prose, HTML or JSON rather than a column name. */
const MAX_LONE_HEADER = 60;

const isBlankRow = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

const quoteProblems = (errors: readonly Papa.ParseError[]): Map<number, string> => {
  const problems = new Map<number, string>();
  for (const error of errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    problems.set(error.row, error.code === 'MissingQuotes'
      ? 'A quoted cell is never closed, so this row ran into the rows after it.'
      : 'A cell has a stray double quote after its closing quote.');
  }
  return problems;
};

const cellCountProblem = (cells: number, headers: number): string =>
  `This row has ${cells} cells but the header has ${headers}; a comma or quote is probably out of place.`;

export const parseCsv = (bytes: Uint8Array): Result<CsvTable, string> => {
  const refuse = (error: string): Result<CsvTable, string> => ({ ok: false, error });
  const tooLarge = checkImportSize(bytes.byteLength);
  if (tooLarge) return refuse(tooLarge);
  const known = KNOWN_BINARIES.find((binary) => startsWith(bytes, binary.signature));
  if (known) return refuse(known.message);
  const text = decodeUtf8(bytes);
  if (text === null) return refuse(`This file is not UTF-8 text. ${SAVE_AS_CSV}`);
  if (text.trim() === '') return refuse('This file is empty.');
  if (looksBinary(text)) return refuse('This file is not text, so it cannot be CSV. Choose the .csv file your spreadsheet or CRM exported.');
  if (/^\s*[<{[]/.test(text)) return refuse(NOT_CSV);

  const { line, newline } = firstLineOf(text);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: delimiterOf(line), newline });
  const problems = quoteProblems(parsed.errors);
  const [headerCells = [], ...dataRows] = parsed.data;
  const headers = headerCells.map((cell) => restoreCell(cell).trim());
  if (headers.every((header) => header === '')) return refuse('The first row of a CSV file must name its columns, and this one is blank.');
  if (headers.length === 1 && (headers[0] ?? '').length > MAX_LONE_HEADER) return refuse(NOT_CSV);

  const rows: CsvRow[] = [];
  dataRows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const dataIndex = index + 1;
    const problem = problems.get(dataIndex)
      ?? (cells.length === headers.length ? null : cellCountProblem(cells.length, headers.length));
    rows.push({ rowNumber: dataIndex + 1, cells: cells.map(restoreCell), problem });
  });
  if (rows.length === 0) return refuse('This file has a header row but no rows of data.');
  return { ok: true, value: { headers, rows } };
};
