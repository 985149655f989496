/** What crosses the page ↔ worker boundary for an import: plain data only. */
import type { CsvFile, ImportMapping, PlanCounts } from '../core/csv/import';
import type { ImportFileFormat } from '../core/csv/read-file';
import type { ImportBatchSummary, UndoImportReport } from '../core/imports/import-batch-types';
import type { WriteFailure } from '../core/db/store-errors';
import type { ImportFileRefusal } from '../core/csv/csv-refusals';
import type { RowNote } from '../core/csv/row-notes';

export interface ImportFileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportFilePreview {
  readonly name: string;
  /** Why the file cannot be imported (not CSV, empty, not UTF-8, too large), or null. */
  readonly refusal: ImportFileRefusal | null;
  readonly headers: readonly string[];
  /** The first rows as they are in the file, cells as text. */
  readonly sampleRows: readonly (readonly string[])[];
  readonly rowCount: number;
  /** The guessed mapping (which Locket file it is, and each column's field), or null when refused. */
  readonly mapping: ImportMapping<CsvFile> | null;
  /** A CSV file, or a vCard file read into the same columns. */
  readonly format: ImportFileFormat;
  /** Photos in a vCard file, which Locket leaves out. */
  readonly photosSkipped: number;
}

export type SummaryAction = 'new' | 'update' | 'skip' | 'invalid';

export interface SummaryRow {
  readonly file: CsvFile;
  /** As a spreadsheet shows it: the header is row 1. */
  readonly rowNumber: number;
  readonly action: SummaryAction;
  /** Why it is skipped or invalid; empty for rows that are written. */
  /** Codes; the words live in components/shared/messages/import-messages.ts. */
  readonly reasons: readonly RowNote[];
  readonly warnings: readonly RowNote[];
}

export interface ImportSummary {
  /** Hands the checked plan to runImport; null when nothing would be written or a file was refused. */
  readonly planRef: string | null;
  readonly refusals: readonly { readonly name: string; readonly refusal: ImportFileRefusal }[];
  readonly counts: { readonly [F in CsvFile]: PlanCounts };
  readonly total: PlanCounts;
  /** Skipped and invalid rows and rows with warnings, in file order, at most MAX_SUMMARY_ROWS. */
  readonly rows: readonly SummaryRow[];
  /** How many such rows were left out of `rows` to keep the message small. */
  readonly rowsLeftOut: number;
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

export interface ImportResult {
  readonly batchId: string;
  readonly written: number;
  /** Planned records not written: refused on the way in, or in a transaction that failed. */
  readonly failed: number;
  /** Why a transaction failed (earlier transactions stay written), or null. */
  readonly failure: WriteFailure | null;
}

export type { ImportBatchSummary, UndoImportReport };
