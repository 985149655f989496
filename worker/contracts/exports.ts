/** CSV export: every live record into the chosen files, one export at a time. */
import * as v from 'valibot';
import { CSV_FILES, type CsvFile } from '../../core/csv/fields';
import { isCancelled, type Cancelled } from './cancelled';
import { method, progress, returns, returnsNothing } from './method';

export interface CsvExportOptions {
  /** Start each file with a UTF-8 byte-order mark ("for Excel"). */
  readonly bom: boolean;
  /** One zip of the chosen files; must be true when more than one file is chosen. */
  readonly zip: boolean;
}

/** A finished export, ready to offer as a download. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Rows written per file. */
  readonly rows: Readonly<Partial<Record<CsvFile, number>>>;
}

export type Progress = (done: number, total: number) => void;
/** A callback from the page; it arrives as a comlink proxy, which is a function too. */
export const ProgressSchema = progress(v.custom<Progress>((input) => typeof input === 'function', 'Progress must be a function.'));

const FilesSchema = v.pipe(v.array(v.picklist(CSV_FILES)), v.minLength(1, 'Choose at least one file.'),
  v.check((files) => new Set(files).size === files.length, 'Each file only once.'));
const VcardIdsSchema = v.nullable(v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(100))), v.minLength(1), v.maxLength(200_000)));
const OptionsSchema = v.object({ bom: v.boolean(), zip: v.boolean() });

/** A file's bytes go to the page without a copy; exports can be tens of megabytes. */
export const fileBuffers = (result: ExportedFile | Cancelled): readonly Transferable[] =>
  (isCancelled(result) ? [] : [result.bytes.buffer]);

export const exportContract = {
  /**
   * Every live record into the chosen CSV files (one file, or a zip of them), logged in the
   * audit log; `{ type: 'cancelled' }`, logged nowhere, after cancelExport().
   */
  exportCsv: method({
    args: [FilesSchema, OptionsSchema, ProgressSchema], result: returns<ExportedFile | Cancelled>(), movesOut: fileBuffers,
  }),
  /**
   * People and organisations as one vCard 4.0 file: those ids (one person, a selection),
   * or every live one when null; logged in the audit log.
   */
  exportVcard: method({ args: [VcardIdsSchema], result: returns<ExportedFile>(), movesOut: fileBuffers }),
  /** Every live task as one iCalendar file (a VTODO each), for a calendar app; logged in the audit log. */
  exportTasksIcs: method({ args: [], result: returns<ExportedFile>(), movesOut: fileBuffers }),
  /** Stops the running export, if any, at its next batch. */
  cancelExport: method({ args: [], result: returnsNothing() }),
};
