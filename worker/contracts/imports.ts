/** CSV import: preview, a dry run that writes nothing, the run (one undoable batch), undo, history. */
import * as v from 'valibot';
import type { CsvFile, ImportMapping } from '../../core/csv/fields';
import type { ImportBatchSummary, UndoImportReport } from '../../core/imports/import-batch-types';
import { FilesSchema, MappingsSchema, PolicySchema, RefSchema } from '../import-inputs';
import type { ImportFilePreview, ImportProgress, ImportResult, ImportSummary } from '../import-types';
import { method, progress, returns, sentAs } from './method';

/** A callback from the page; it arrives as a comlink proxy, which is a function too. */
const ImportProgressSchema = progress(v.optional(v.custom<(report: ImportProgress) => void>(
  (input) => typeof input === 'function', 'Progress must be a function.')));

/** planImport takes back the mappings previewImport guessed (and the owner edited), checked field by field. */
const SentMappingsSchema = sentAs<readonly ImportMapping<CsvFile>[]>()(MappingsSchema);

export const importContract = {
  previewImport: method({ args: [FilesSchema], result: returns<ImportFilePreview[]>() }),
  planImport: method({ args: [FilesSchema, SentMappingsSchema, PolicySchema], result: returns<ImportSummary>() }),
  runImport: method({ args: [RefSchema, ImportProgressSchema], result: returns<ImportResult>() }),
  undoImport: method({ args: [RefSchema], result: returns<UndoImportReport>() }),
  /** Past imports, newest first, so one can be undone after the page that ran it is gone. */
  listImports: method({ args: [], result: returns<ImportBatchSummary[]>() }),
};
