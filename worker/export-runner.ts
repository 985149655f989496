import * as v from 'valibot';
import type { Clock } from '../core/clock';
import { CSV_FILES } from '../core/csv/fields';
import type { LocketStore } from '../core/store/contract';
import type { OpenWorkerApi } from './api';
import { runCsvExport } from './export-csv';
import { refusalError } from '../core/refusals';

// Arguments arrive from another context over comlink: checked, never trusted.
const FilesSchema = v.pipe(v.array(v.picklist(CSV_FILES)), v.minLength(1, 'Choose at least one file.'),
  v.check((files) => new Set(files).size === files.length, 'Each file only once.'));
const OptionsSchema = v.object({ bom: v.boolean(), zip: v.boolean() });
const ProgressSchema = v.custom<(done: number, total: number) => void>((input) => typeof input === 'function');

/**
 * One export at a time: a second one while another runs is refused, so cancelExport()
 * always means the one the user is watching.
 */
export const createExportRunner = (
  { store, clock }: { readonly store: LocketStore; readonly clock: Clock },
): Pick<OpenWorkerApi, 'exportCsv' | 'cancelExport'> => {
  let running: AbortController | null = null;
  return {
    exportCsv: async (files, options, onProgress) => {
      const chosen = v.parse(FilesSchema, files);
      const settings = v.parse(OptionsSchema, options);
      const report = v.parse(ProgressSchema, onProgress);
      if (chosen.length > 1 && !settings.zip) throw refusalError({ type: 'export-needs-zip' });
      if (running) throw refusalError({ type: 'export-running' });
      const controller = new AbortController();
      running = controller;
      try {
        const file = await runCsvExport({ store, clock }, { files: chosen, options: settings, onProgress: report, signal: controller.signal });
        await store.audit.append({
          type: 'export-taken', by: 'owner', subjects: [],
          detail: { files: chosen.join(','), zip: file.mimeType === 'application/zip', bom: settings.bom, ...file.rows },
        });
        return file;
      } finally {
        running = null;
      }
    },
    cancelExport: async () => { running?.abort(); },
  };
};
