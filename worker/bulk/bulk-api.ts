import type { Clock } from '../../core/clock';
import type { LocketStore } from '../../core/store/contract';
import type { BulkImplementation } from '../contract';
import { runCsvSelectionExport } from './export-csv-selection';

/** The worker's part of work on a selection: exports, each logged like the full export. */
export const createBulkApi = ({ store, clock }: { readonly store: LocketStore; readonly clock: Clock }): BulkImplementation => ({
  exportCsvSelection: async (ids, { bom }) => {
    const file = await runCsvSelectionExport({ store, clock }, ids, { bom });
    await store.audit.append({
      type: 'export-taken', by: 'owner', subjects: [],
      detail: { files: Object.keys(file.rows).join(','), zip: file.mimeType === 'application/zip', bom, selection: true, ...file.rows },
    });
    return file;
  },
});
