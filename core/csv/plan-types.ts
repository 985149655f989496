/** The dry-run plan of an import: what each row would do, and nothing written. */
import type { FieldDefaults } from '../records/validate';
import type { RecordId } from '../records/types';
import type { CsvFile, ImportMapping } from './fields';
import type { CsvTable } from './parse';
import type { KnownRecord, RecordLookup } from './record-index';
import type { TaskImportDefaults } from './task-input';
import type { MatchedBy, RowNote } from './row-notes';
import type { FieldDefinitions } from '../custom-fields/definitions';
import type { PipelineSettings } from '../pipeline/pipeline-settings';

/** What to do with a row that matches a record Locket already has (or an earlier row). */
export type DuplicatePolicy = 'skip' | 'update' | 'create';

export type { MatchedBy };

export type PlannedRecord = KnownRecord & {
  /** From the file's Created/Updated columns; null means "now" when the plan is applied. */
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
};

interface RowOutcome {
  readonly file: CsvFile;
  /** As a spreadsheet shows it: the header is row 1. */
  readonly rowNumber: number;
  /** Things the user should know that do not stop the row, such as a link left out. */
  readonly warnings: readonly RowNote[];
}

export interface DuplicateMatch {
  readonly matchedBy: MatchedBy;
  /** The earlier row of this import it matched, or null when it matched a record already in Locket. */
  readonly matchedRow: number | null;
}

export type PlannedRow =
  /** `implied`: an organisation a person row names that neither Locket nor the file has yet. */
  | (RowOutcome & { readonly action: 'new'; readonly record: PlannedRecord; readonly implied: boolean })
  /** `record.fields` are the complete fields after the update, already validated. */
  | (RowOutcome & DuplicateMatch & { readonly action: 'update'; readonly record: PlannedRecord })
  | (RowOutcome & DuplicateMatch & { readonly action: 'skip'; readonly id: RecordId; readonly reason: RowNote })
  | (RowOutcome & { readonly action: 'invalid'; readonly reasons: readonly RowNote[] });

export interface PlanCounts {
  readonly new: number;
  readonly updated: number;
  readonly skipped: number;
  readonly invalid: number;
}

export interface ImportPlan {
  /**
   * In the order to apply them: organisations, people, cases, opportunities, notes, each
   * in file order, an implied organisation just before the person who names it. Every
   * id a record links to is created by an earlier row or already in Locket.
   */
  readonly rows: readonly PlannedRow[];
  readonly counts: { readonly [F in CsvFile]: PlanCounts };
  readonly total: PlanCounts;
}

export interface ImportSource<F extends CsvFile> {
  readonly table: CsvTable;
  readonly mapping: ImportMapping<F>;
}

export type ImportSources = { readonly [F in CsvFile]?: ImportSource<F> };

export interface PlanContext {
  /** What Locket already holds (see createRecordIndex). */
  readonly existing: RecordLookup;
  readonly policy: DuplicatePolicy;
  /** Ids for new records whose file id cannot be kept. */
  readonly newId: () => RecordId;
  readonly defaults: FieldDefaults;
  /** The owner's custom field definitions: imported values of defined fields are stored in canonical form. */
  readonly definitions?: FieldDefinitions;
  /** The owner's pipeline: an opportunity's milestone is read as one of its ids or names. */
  readonly pipeline?: PipelineSettings;
  /** The zone and time tasks from other tools' files are read with. */
  readonly tasks: TaskImportDefaults;
}
