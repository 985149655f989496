/**
 * CSV import, pure: parseCsv reads the bytes (or refuses them), guessMapping proposes
 * which field each column feeds, planImport works out what every row would do. Nothing
 * here writes; applying a plan is the worker's job.
 */
export {
  MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, checkImportSize, parseCsv, type CsvRow, type CsvTable,
} from './parse';
export { guessMapping, isLocketFile } from './mapping';
export { planImport } from './plan';
export { createRecordIndex, type KnownRecord, type RecordIndex, type RecordLookup } from './record-index';
export type {
  DuplicatePolicy, ImportPlan, ImportSource, ImportSources, MatchedBy, PlanContext, PlanCounts, PlannedRecord, PlannedRow,
} from './plan-types';
export type { CsvFile, CsvFormat, ImportMapping, ImportTarget } from './fields';
