/**
 * Reads the bytes of a CSV file into a table, or refuses it with a code the user's words
 * are chosen by (csv-refusals.ts). Row numbers are the ones a spreadsheet shows: the header is row 1, and a
 * record whose quoted cells span several lines is still one row.
 */
import Papa from 'papaparse';
import type { Result } from '../result';
import type { CsvFileRefusal } from './csv-refusals';
import { restoreCell } from './neutralise';
import type { RowNote } from './row-notes';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * What one file may hold. The preview, the mapping and the plan hold every cell in memory
 * and show them, so a file past these is refused before any of that starts.
 */
export const MAX_IMPORT_COLUMNS = 500;
export const MAX_IMPORT_CELL_CHARS = 100_000;
/** Rows after the header, blank ones included, as a spreadsheet numbers them. */
export const MAX_IMPORT_ROWS = 200_000;

export interface CsvRow {
  /** 1-based, as a spreadsheet shows it (the header is row 1). */
  readonly rowNumber: number;
  readonly cells: readonly string[];
  /** Why the row cannot be read as a record (wrong number of cells, a broken quote), or null. */
  readonly problem: RowNote | null;
}

export interface CsvTable {
  readonly headers: readonly string[];
  /** Data rows; blank lines are left out but keep their place in the numbering. */
  readonly rows: readonly CsvRow[];
}

/** Checks the size before the file is read at all. */
export const checkImportSize = (byteSize: number): CsvFileRefusal | null =>
  (byteSize > MAX_IMPORT_BYTES ? { type: 'too-large', bytes: byteSize } : null);

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

/** Files people pick by mistake, recognised by their first bytes. */
const KNOWN_BINARIES: readonly { readonly signature: readonly number[]; readonly kind: 'zip' | 'xls' | 'pdf' | 'utf-16' }[] = [
  { signature: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], kind: 'xls' },
  { signature: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { signature: [0xff, 0xfe], kind: 'utf-16' },
  { signature: [0xfe, 0xff], kind: 'utf-16' },
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

export const decodeUtf8 = (bytes: Uint8Array): string | null => {
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

/** A one-column file is fine ("Email"), but a first row this long is prose, HTML or JSON rather than a column name. */
const MAX_LONE_HEADER = 60;

const isBlankRow = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

const quoteProblems = (errors: readonly Papa.ParseError[]): Map<number, RowNote> => {
  const problems = new Map<number, RowNote>();
  for (const error of errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    problems.set(error.row, { type: error.code === 'MissingQuotes' ? 'unclosed-quote' : 'stray-quote' });
  }
  return problems;
};

const cellCountProblem = (cells: number, headers: number): RowNote => ({ type: 'cell-count', cells, headers });

/** A column's name is quoted in a message only this far: the name is the file's text. */
const MAX_NAMED_COLUMN = 40;

/** The one empty cell Papa reads after a file's final line break; it is not a row. */
const isFinalLineBreak = (cells: readonly string[]): boolean => cells.length === 1 && cells[0] === '';

/**
 * Reads at most one header and MAX_IMPORT_ROWS + 1 lines, so a file with millions of short
 * rows is refused without building them all. The extra line is either the final line break
 * or proof of one row too many; Papa marks `truncated` when input was left unread.
 */
const parseBounded = (text: string): { readonly parsed: Papa.ParseResult<string[]>; readonly tooManyRows: boolean } => {
  const { line, newline } = firstLineOf(text);
  const parsed = Papa.parse<string[]>(text, {
    header: false, skipEmptyLines: false, delimiter: delimiterOf(line), newline, preview: MAX_IMPORT_ROWS + 2,
  });
  const beyond = parsed.data.slice(MAX_IMPORT_ROWS + 1);
  return { parsed, tooManyRows: parsed.meta.truncated || beyond.some((cells) => !isFinalLineBreak(cells)) };
};

/** The first cell past the limits, in file order, said with its row (and column) and the numbers. */
const oversizeProblem = (data: readonly (readonly string[])[], headers: readonly string[]): CsvFileRefusal | null => {
  const [header = []] = data;
  if (header.length > MAX_IMPORT_COLUMNS) return { type: 'too-many-columns', columns: header.length };
  for (const [index, cells] of data.entries()) {
    const rowNumber = index + 1;
    if (cells.length > MAX_IMPORT_COLUMNS) return { type: 'row-too-wide', row: rowNumber, cells: cells.length };
    const long = cells.findIndex((cell) => cell.length > MAX_IMPORT_CELL_CHARS);
    if (long === -1) continue;
    const name = index === 0 ? '' : headers[long] ?? '';
    const column = name === '' ? null : name.length > MAX_NAMED_COLUMN ? `${name.slice(0, MAX_NAMED_COLUMN)}…` : name;
    return { type: 'cell-too-long', row: rowNumber, chars: cells[long]?.length ?? 0, column };
  }
  return null;
};

export const parseCsv = (bytes: Uint8Array): Result<CsvTable, CsvFileRefusal> => {
  const refuse = (error: CsvFileRefusal): Result<CsvTable, CsvFileRefusal> => ({ ok: false, error });
  const tooLarge = checkImportSize(bytes.byteLength);
  if (tooLarge) return refuse(tooLarge);
  const known = KNOWN_BINARIES.find((binary) => startsWith(bytes, binary.signature));
  if (known) return refuse({ type: 'binary', kind: known.kind });
  const text = decodeUtf8(bytes);
  if (text === null) return refuse({ type: 'not-utf-8' });
  if (text.trim() === '') return refuse({ type: 'empty' });
  if (looksBinary(text)) return refuse({ type: 'not-text' });
  if (/^\s*[<{[]/.test(text)) return refuse({ type: 'not-csv' });

  const { parsed, tooManyRows } = parseBounded(text);
  if (tooManyRows) return refuse({ type: 'too-many-rows' });
  const [headerCells = [], ...dataRows] = parsed.data;
  const headers = headerCells.map((cell) => restoreCell(cell).trim());
  const oversize = oversizeProblem(parsed.data, headers);
  if (oversize) return refuse(oversize);
  const problems = quoteProblems(parsed.errors);
  if (headers.every((header) => header === '')) return refuse({ type: 'blank-header' });
  if (headers.length === 1 && (headers[0] ?? '').length > MAX_LONE_HEADER) return refuse({ type: 'not-csv' });

  const rows: CsvRow[] = [];
  dataRows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const dataIndex = index + 1;
    const problem = problems.get(dataIndex)
      ?? (cells.length === headers.length ? null : cellCountProblem(cells.length, headers.length));
    rows.push({ rowNumber: dataIndex + 1, cells: cells.map(restoreCell), problem });
  });
  if (rows.length === 0) return refuse({ type: 'no-data-rows' });
  return { ok: true, value: { headers, rows } };
};
