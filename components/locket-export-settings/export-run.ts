import type { CsvFile } from '../../core/csv/fields';
import type { LocketServices } from '../../platform/page-services/services';
import { offerDownload } from '../../platform/downloads/download-file';
import { failureText } from '../shared/failure-text';

/** The name a cancelled export's rejection carries across comlink (worker/export-csv.ts). */
const EXPORT_CANCELLED = 'ExportCancelled';

export type ExportOutcome =
  | { readonly state: 'done'; readonly fileName: string }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

/** Runs one export in the worker and offers its file; several files always travel as one zip. */
export const runExport = async (
  services: Pick<LocketServices, 'exportCsv'>,
  files: readonly CsvFile[],
  bom: boolean,
  onProgress: (done: number, total: number) => void,
): Promise<ExportOutcome> => {
  try {
    const file = await services.exportCsv(files, { bom, zip: files.length > 1 }, onProgress);
    offerDownload(file.bytes, file.fileName, file.mimeType);
    return { state: 'done', fileName: file.fileName };
  } catch (error) {
    if (error instanceof Error && error.name === EXPORT_CANCELLED) return { state: 'cancelled' };
    return { state: 'failed', message: failureText(error) };
  }
};
