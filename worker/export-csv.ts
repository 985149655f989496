import { linksOf } from '../core/records/links';
import { concatBytes } from '../core/vault/bytes';
/**
 * CSV export in the worker: one pass over every live record in batches, each batch routed
 * to the writer of its file, so no more than one batch of records is held at a time (the
 * finished text of each file is kept as bytes until the download is built).
 */
import { zipSync } from 'fflate';
import type { Clock } from '../core/clock';
import { titleOf } from '../core/records/display';
import { LISTED_KINDS, isDependentKind, type LocketRecord, type RecordId } from '../core/records/types';
import { FILE_NAMES, type RecordOfFile } from '../core/csv/columns';
import { createCsvWriter } from '../core/csv/export';
import type { CsvFile } from '../core/csv/fields';
import type { LocketStore } from '../core/store/contract';
import { CANCELLED, type Cancelled, type CsvExportOptions, type ExportedFile } from './contract';

const BATCH_SIZE = 1000;
const encoder = new TextEncoder();

/** Thrown only to stop the store's batch loop; it never leaves runCsvExport, which answers CANCELLED. */
class Stopped extends Error {}

export const csvFileName = (file: CsvFile): string => `locket-${FILE_NAMES[file]}`;

/** UTC date, as the zip's name carries it. */
export const zipFileName = (now: number): string => `locket-export-${new Date(now).toISOString().slice(0, 10)}.zip`;

const recordsOf = <F extends CsvFile>(file: F, batch: readonly LocketRecord[]): RecordOfFile[F][] => {
  const wanted = (record: LocketRecord): boolean => {
    switch (file) {
      case 'contacts': return record.kind === 'person' || record.kind === 'organisation';
      case 'cases': return record.kind === 'case';
      case 'opportunities': return record.kind === 'opportunity';
      case 'tasks': return record.kind === 'task';
      case 'notes': return record.kind === 'note';
      case 'activities': return record.kind === 'activity';
      default: return false;
    }
  };
  // The filter above is exactly RecordOfFile[F]'s kinds; TypeScript cannot narrow a generic F.
  return batch.filter(wanted) as RecordOfFile[F][];
};


/** Links mostly point at older records (ids sort by creation), so names are usually known by then. */
const linkedIds = (batch: readonly LocketRecord[]): RecordId[] => batch.flatMap((record) => linksOf(record.kind, record.fields));

export interface CsvExportRun {
  readonly files: readonly CsvFile[];
  readonly options: CsvExportOptions;
  readonly onProgress: (done: number, total: number) => void;
  readonly signal: AbortSignal;
}

export const runCsvExport = async (
  { store, clock }: { readonly store: LocketStore; readonly clock: Clock },
  { files, options, onProgress, signal }: CsvExportRun,
): Promise<ExportedFile | Cancelled> => {
  const names = new Map<RecordId, string>();
  const nameOf = (id: RecordId): string | undefined => names.get(id);
  // Defined custom fields are columns of their own, headed by their names.
  const { fieldDefinitions: definitions } = await store.getSettings();
  const writers = files.map((file) => ({ file, writer: createCsvWriter(file, { nameOf }, { bom: options.bom, definitions }), chunks: [] as Uint8Array<ArrayBuffer>[], rows: 0 }));
  for (const entry of writers) entry.chunks.push(encoder.encode(entry.writer.start()));

  const counts = await Promise.all(LISTED_KINDS.map((kind) => store.count(kind)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  onProgress(0, total);

  const visit = async (batch: readonly LocketRecord[]): Promise<void> => {
    if (signal.aborted) throw new Stopped();
    for (const record of batch) if (record.kind !== 'note') names.set(record.id, titleOf(record));
    const missing = [...new Set(linkedIds(batch))].filter((id) => !names.has(id));
    if (missing.length > 0) for (const record of await store.getMany(missing)) names.set(record.id, titleOf(record));
    for (const entry of writers) {
      const records = recordsOf(entry.file, batch);
      entry.rows += records.length;
      const text = entry.writer.write(records);
      if (text !== '') entry.chunks.push(encoder.encode(text));
    }
    // Progress counts the listed kinds (the total above); tasks, notes and conversations ride along with them.
    done += batch.filter((record) => !isDependentKind(record.kind)).length;
    onProgress(Math.min(done, total), total);
  };
  try {
    await store.forEachBatch(BATCH_SIZE, visit);
  } catch (error) {
    if (error instanceof Stopped) return CANCELLED;
    throw error;
  }
  if (signal.aborted) return CANCELLED;

  const rows = Object.fromEntries(writers.map((entry) => [entry.file, entry.rows]));
  const only = writers[0];
  if (!options.zip && only && writers.length === 1) {
    return { fileName: csvFileName(only.file), mimeType: 'text/csv;charset=utf-8', bytes: concatBytes(...only.chunks), rows };
  }
  const zipped = zipSync(Object.fromEntries(writers.map((entry) => [csvFileName(entry.file), concatBytes(...entry.chunks)])), { level: 6 });
  return { fileName: zipFileName(clock.now()), mimeType: 'application/zip', bytes: new Uint8Array(zipped), rows };
};
