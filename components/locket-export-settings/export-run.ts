import type { CsvFile } from '../../core/csv/fields';
import type { LocketServices } from '../../platform/page-services/services';
import { isCancelled } from '../../worker/contract';
import { offerDownload } from '../../platform/downloads/download-file';
import { failureText } from '../shared/failure-text';

export type ExportOutcome =
  | { readonly state: 'done'; readonly fileName: string }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

/** Runs one export in the worker and offers its file; several files always travel as one zip. */
export const runExport = async (
  services: Pick<LocketServices, 'exports'>,
  files: readonly CsvFile[],
  bom: boolean,
  onProgress: (done: number, total: number) => void,
): Promise<ExportOutcome> => {
  try {
    const file = await services.exports.exportCsv(files, { bom, zip: files.length > 1 }, onProgress);
    if (isCancelled(file)) return { state: 'cancelled' };
    offerDownload(file.bytes, file.fileName, file.mimeType);
    return { state: 'done', fileName: file.fileName };
  } catch (error) {
    return { state: 'failed', message: failureText(error) };
  }
};

/** People and organisations as one vCard file (those ids, or everyone when null), offered as a download. */
export const runVcardExport = async (
  services: Pick<LocketServices, 'exports'>, ids: readonly string[] | null,
): Promise<ExportOutcome> => {
  try {
    const file = await services.exports.exportVcard(ids);
    offerDownload(file.bytes, file.fileName, file.mimeType);
    return { state: 'done', fileName: file.fileName };
  } catch (error) {
    return { state: 'failed', message: failureText(error) };
  }
};
