/**
 * CSV export. A writer gives the header once, then the rows of each batch, so a worker
 * can stream a large export with progress and never holds more than one batch of text.
 * Concatenating its chunks gives exactly recordsToCsv of all the records.
 */
import Papa from 'papaparse';
import { LOCKET_COLUMNS, type ExportContext, type RecordOfFile } from './columns';
import type { CsvFile } from './fields';
import { neutraliseCell } from './neutralise';

export interface ExportOptions {
  /** Start the file with a UTF-8 byte-order mark, for spreadsheets that guess the encoding otherwise. */
  readonly bom: boolean;
}

export interface CsvWriter<F extends CsvFile> {
  /** The byte-order mark (if asked for) and the header row. Call once, first. */
  readonly start: () => string;
  /** The rows of one batch, each ending in CRLF; '' for an empty batch. */
  readonly write: (records: readonly RecordOfFile[F][]) => string;
}

const BYTE_ORDER_MARK = '\uFEFF';
const NEWLINE = '\r\n';

/** RFC 4180: comma, double quotes where needed, CRLF. Every cell is neutralised first. */
const unparse = (rows: readonly (readonly string[])[]): string =>
  Papa.unparse(rows.map((row) => row.map(neutraliseCell)), { newline: NEWLINE, quotes: false, escapeFormulae: false });

export const createCsvWriter = <F extends CsvFile>(file: F, context: ExportContext, options: ExportOptions): CsvWriter<F> => {
  const columns = LOCKET_COLUMNS[file];
  return {
    start: () => `${options.bom ? BYTE_ORDER_MARK : ''}${unparse([columns.map((column) => column.header)])}${NEWLINE}`,
    write: (records) => (records.length === 0
      ? ''
      : `${unparse(records.map((record) => columns.map((column) => column.read(record, context))))}${NEWLINE}`),
  };
};

/** A whole file at once; for small exports and tests. */
export const recordsToCsv = <F extends CsvFile>(
  file: F, records: readonly RecordOfFile[F][], context: ExportContext, options: ExportOptions,
): string => {
  const writer = createCsvWriter(file, context, options);
  return writer.start() + writer.write(records);
};
