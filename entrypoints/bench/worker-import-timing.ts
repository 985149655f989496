import * as Comlink from 'comlink';
import { guessMapping, parseCsv } from '../../core/csv/import';
import type { WorkerImportReport } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { sessionAccountKey } from './bench-account';
import { contactsFile } from './contacts-file';

const noProgress = (): void => undefined;

/**
 * A contacts file of `rows` new rows imported into the account through the page's worker, as
 * the import page does (planImport, then runImport), then undone through it: the path whose
 * long tasks a watched side panel counts. The account ends as it began, less what an undo keeps
 * (its change sets).
 */
export const timeWorkerImport = async (rows: number, seed: number): Promise<WorkerImportReport> => {
  const file = contactsFile(seed + 1, rows);
  const parsed = parseCsv(file.bytes);
  if (!parsed.ok) throw new Error(`parseCsv refused the contacts file: ${parsed.error}`);
  const mapping = guessMapping('contacts', parsed.value.headers);
  const { api, terminate } = connectWorker(await sessionAccountKey());
  try {
    const startedAt = performance.timeOrigin + performance.now();
    const summary = await api.planImport([{ name: 'locket-contacts.csv', bytes: file.bytes }], [mapping], 'skip');
    if (summary.planRef === null) throw new Error(`planImport planned nothing: ${JSON.stringify(summary.refusals)}`);
    const planned = performance.timeOrigin + performance.now();
    const result = await api.runImport(summary.planRef, Comlink.proxy(noProgress));
    const ran = performance.timeOrigin + performance.now();
    if (result.failure) throw new Error(`runImport failed: ${JSON.stringify(result.failure)}`);
    const undone = await api.undoImport(result.batchId);
    return {
      rows, written: result.written, removed: undone.removed, startedAt,
      planMs: planned - startedAt, runMs: ran - planned, undoMs: performance.timeOrigin + performance.now() - ran,
    };
  } finally {
    terminate();
  }
};
