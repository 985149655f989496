/**
 * CSV export. A writer gives the header once, then the rows of each batch, so a worker
 * can stream a large export with progress and never holds more than one batch of text.
 * Concatenating its chunks gives exactly recordsToCsv of all the records.
 */
import Papa from 'papaparse';
import { LOCKET_COLUMNS, type ExportContext, type RecordOfFile } from './columns';
import type { CsvFile } from './fields';
import { neutraliseCell } from './neutralise';
import type { FieldDefinition, FieldDefinitions } from '../custom-fields/definitions';
import { definedCells, definedColumnsOf } from '../custom-fields/csv-columns';

export interface ExportOptions {
  /** Start the file with a UTF-8 byte-order mark, for spreadsheets that guess the encoding otherwise. */
  readonly bom: boolean;
  /** The owner's custom field definitions: each defined field of the file's kinds gets a column of its own. */
  readonly definitions?: FieldDefinitions;
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

/** A record's row: Locket's columns (custom fields less the defined ones), then one cell per defined field. */
const rowOf = <F extends CsvFile>(
  file: F, record: RecordOfFile[F], context: ExportContext, options: ExportOptions, defined: readonly FieldDefinition[],
): string[] => {
  const columns = LOCKET_COLUMNS[file];
  if (defined.length === 0) return columns.map((column) => column.read(record, context));
  const pairs = 'customFields' in record.fields ? record.fields.customFields : null;
  if (pairs === null) return [...columns.map((column) => column.read(record, context)), ...defined.map(() => '')];
  const { cells, rest } = definedCells(options.definitions, defined, record.kind, pairs);
  // The same record with only the free pairs, so the "Custom Fields" column does not repeat a defined value.
  const remaining = { ...record, fields: { ...record.fields, customFields: rest } } as RecordOfFile[F];
  return [...columns.map((column) => column.read(remaining, context)), ...cells];
};

export const createCsvWriter = <F extends CsvFile>(file: F, context: ExportContext, options: ExportOptions): CsvWriter<F> => {
  const defined = definedColumnsOf(options.definitions, file);
  const headers = [...LOCKET_COLUMNS[file].map((column) => column.header), ...defined.map((definition) => definition.name)];
  return {
    start: () => `${options.bom ? BYTE_ORDER_MARK : ''}${unparse([headers])}${NEWLINE}`,
    write: (records) => (records.length === 0
      ? ''
      : `${unparse(records.map((record) => rowOf(file, record, context, options, defined)))}${NEWLINE}`),
  };
};

/** A whole file at once; for small exports and tests. */
export const recordsToCsv = <F extends CsvFile>(
  file: F, records: readonly RecordOfFile[F][], context: ExportContext, options: ExportOptions,
): string => {
  const writer = createCsvWriter(file, context, options);
  return writer.start() + writer.write(records);
};
