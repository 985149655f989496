import type { Clock } from '../core/clock';
import type { LocketStore } from '../core/store/contract';
import { isCancelled, type ExportImplementation } from './contract';
import { runCsvExport } from './export-csv';
import { runVcardExport } from './export-vcard';
import { runTasksIcsExport } from './export-tasks-ics';
import { refusalError } from '../core/refusals';

/**
 * One export at a time: a second one while another runs is refused, so cancelExport()
 * always means the one the user is watching.
 */
export const createExportRunner = (
  { store, clock }: { readonly store: LocketStore; readonly clock: Clock },
): ExportImplementation => {
  let running: AbortController | null = null;
  return {
    exportCsv: async (chosen, settings, report) => {
      if (chosen.length > 1 && !settings.zip) throw refusalError({ type: 'export-needs-zip' });
      if (running) throw refusalError({ type: 'export-running' });
      const controller = new AbortController();
      running = controller;
      try {
        const file = await runCsvExport({ store, clock }, { files: chosen, options: settings, onProgress: report, signal: controller.signal });
        if (isCancelled(file)) return file;
        await store.audit.append({
          type: 'export-taken', by: 'owner', subjects: [],
          detail: { files: chosen.join(','), zip: file.mimeType === 'application/zip', bom: settings.bom, ...file.rows },
        });
        return file;
      } finally {
        running = null;
      }
    },
    exportVcard: async (ids) => {
      const file = await runVcardExport(store, ids);
      await store.audit.append({
        type: 'export-taken', by: 'owner', subjects: [], detail: { files: 'vcard', zip: false, bom: false, ...file.rows },
      });
      return file;
    },
    exportTasksIcs: async () => {
      const file = await runTasksIcsExport(store, clock.now());
      await store.audit.append({
        type: 'export-taken', by: 'owner', subjects: [], detail: { files: 'ics', zip: false, bom: false, ...file.rows },
      });
      return file;
    },
    cancelExport: async () => { running?.abort(); },
  };
};
