/** Work on a selection that runs in the worker: its CSV export (bulk writes go through the page's store). */
import * as v from 'valibot';
import type { ExportedFile } from './exports';
import { fileBuffers } from './exports';
import { method, returns } from './method';

const SelectionIdsSchema = v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(100))), v.minLength(1), v.maxLength(200_000));

export const bulkContract = {
  /** The selected records into the CSV files of their kinds (a zip when several), logged in the audit log. */
  exportCsvSelection: method({ args: [SelectionIdsSchema, v.object({ bom: v.boolean() })], result: returns<ExportedFile>(), movesOut: fileBuffers }),
};
