/**
 * CSV export of a selection: the chosen records, read by id a thousand at a time, into the file
 * each kind belongs to (one file, or a zip when the selection spans several), through the same
 * writer as the full export, so formula cells are neutralised alike.
 */
import { zipSync } from 'fflate';
import type { Clock } from '../../core/clock';
import type { RecordOfFile } from '../../core/csv/columns';
import { createCsvWriter } from '../../core/csv/export';
import type { CsvFile } from '../../core/csv/fields';
import { titleOf } from '../../core/records/display';
import { linksOf } from '../../core/records/links';
import type { LocketRecord, RecordId } from '../../core/records/types';
import type { RecordReads } from '../../core/record-store/contract';
import { concatBytes } from '../../core/vault/bytes';
import type { CsvExportOptions, ExportedFile } from '../contract';
import { csvFileName, zipFileName } from '../export-csv';

const BATCH_SIZE = 1000;
const encoder = new TextEncoder();

const fileOf = (record: LocketRecord): CsvFile | null => {
  switch (record.kind) {
    case 'person': case 'organisation': return 'contacts';
    case 'case': return 'cases';
    case 'opportunity': return 'opportunities';
    default: return null;
  }
};

export const runCsvSelectionExport = async (
  { store, clock }: { readonly store: Pick<RecordReads, 'getMany'>; readonly clock: Clock },
  ids: readonly RecordId[], { bom }: Pick<CsvExportOptions, 'bom'>,
): Promise<ExportedFile> => {
  const names = new Map<RecordId, string>();
  const writers = new Map<CsvFile, { write: (records: readonly LocketRecord[]) => string; chunks: Uint8Array<ArrayBuffer>[]; rows: number }>();
  const writerFor = (file: CsvFile) => {
    let entry = writers.get(file);
    if (!entry) {
      const writer = createCsvWriter(file, { nameOf: (id) => names.get(id) }, { bom });
      // Each file's records are exactly its kinds (fileOf); TypeScript cannot narrow them per file.
      entry = { write: (records) => writer.write(records as RecordOfFile[typeof file][]), chunks: [encoder.encode(writer.start())], rows: 0 };
      writers.set(file, entry);
    }
    return entry;
  };
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    const batch = await store.getMany(unique.slice(start, start + BATCH_SIZE));
    const missing = [...new Set(batch.flatMap((record) => linksOf(record.kind, record.fields)))].filter((id) => !names.has(id));
    for (const record of [...batch, ...(missing.length > 0 ? await store.getMany(missing) : [])]) names.set(record.id, titleOf(record));
    const byFile = new Map<CsvFile, LocketRecord[]>();
    for (const record of batch) {
      const file = fileOf(record);
      if (file) byFile.set(file, [...(byFile.get(file) ?? []), record]);
    }
    for (const [file, records] of byFile) {
      const entry = writerFor(file);
      entry.rows += records.length;
      const text = entry.write(records);
      if (text !== '') entry.chunks.push(encoder.encode(text));
    }
  }
  if (writers.size === 0) writerFor('contacts');
  const rows = Object.fromEntries([...writers].map(([file, entry]) => [file, entry.rows]));
  const [only, ...others] = [...writers];
  if (only && others.length === 0) {
    return { fileName: csvFileName(only[0]), mimeType: 'text/csv;charset=utf-8', bytes: concatBytes(...only[1].chunks), rows };
  }
  const zipped = zipSync(Object.fromEntries([...writers].map(([file, entry]) => [csvFileName(file), concatBytes(...entry.chunks)])), { level: 6 });
  return { fileName: zipFileName(clock.now()), mimeType: 'application/zip', bytes: new Uint8Array(zipped), rows };
};
