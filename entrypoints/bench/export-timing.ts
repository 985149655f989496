import { deriveAuditKeys } from '../../core/audit/hash';
import * as Comlink from 'comlink';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { systemClock } from '../../core/clock';
import { recordAad, type EncodedValue } from '../../core/codec';
import { recordFromBody } from '../../core/db/record-rows';
import { LOCKET_COLUMNS } from '../../core/csv/columns';
import { CSV_FILES, type CsvFile } from '../../core/csv/fields';
import { neutraliseCell } from '../../core/csv/neutralise';
import { titleOf } from '../../core/records/display';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openStore } from '../../core/store/open-store';
import { openLocketDb } from '../../core/db/schema';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { Bytes } from '../../core/vault/types';
import type { ExportReport } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { isCancelled } from '../../worker/contract';
import { sessionAccountKey } from './bench-account';

const PAGE = 1000;
const FILE_OF = { person: 'contacts', organisation: 'contacts', case: 'cases', opportunity: 'opportunities', note: 'notes' } as const;

/** The worker's export as the export dialog runs it: all four files, one zip. Pages' workers build no search index, so nothing competes. */
const timeWorkerExport = async (accountKey: Bytes): Promise<{ readonly ms: number; readonly rows: number; readonly bytes: number; readonly startedAt: number }> => {
  const { api, terminate } = connectWorker(accountKey);
  try {
    const started = performance.now();
    const file = await api.exportCsv(CSV_FILES, { bom: false, zip: true }, Comlink.proxy(() => undefined));
    const ms = performance.now() - started;
    if (isCancelled(file)) throw new Error('The timed export was cancelled.');
    return {
      ms, rows: Object.values(file.rows).reduce((sum, rows) => sum + rows, 0), bytes: file.bytes.byteLength,
      startedAt: performance.timeOrigin + started,
    };
  } finally {
    terminate();
  }
};

/** Bare getAll in pages by id, then decodeMany of each page's bodies; the two timed apart. */
const timeReadParts = async (accountKey: Bytes): Promise<{ readonly getAllMs: number; readonly decodeMs: number; readonly validateMs: number; readonly records: number }> => {
  const codec = createAesGcmCodec(accountKey);
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    let getAllMs = 0;
    let decodeMs = 0;
    let validateMs = 0;
    let records = 0;
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
      const fetchStarted = performance.now();
      const rows = await db.getAll('records', range, PAGE);
      getAllMs += performance.now() - fetchStarted;
      const live = rows.filter((row) => row.deletedAt === null);
      const bodies: EncodedValue[] = live.map((row) => row.body);
      const decodeStarted = performance.now();
      const decoded = await codec.decodeMany(bodies, live.map(recordAad));
      decodeMs += performance.now() - decodeStarted;
      // The check every read through the store makes of a decoded body (db/record-rows.ts), timed apart.
      const validateStarted = performance.now();
      live.forEach((row, index) => recordFromBody(row, decoded[index]));
      validateMs += performance.now() - validateStarted;
      records += bodies.length;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return { getAllMs, decodeMs, validateMs, records };
      after = last.id;
    }
  } finally {
    db.close();
  }
};

/** Every live record, read through a store (untimed): the input the row arrays are built from. */
const liveRecords = async (accountKey: Bytes): Promise<LocketRecord[]> => {
  const bus = createBroadcastBus('locket-bench-export-changes');
  const store = await openStore({ factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey) });
  try {
    const records: LocketRecord[] = [];
    await store.forEachBatch(PAGE, (batch) => { records.push(...batch); });
    return records;
  } finally {
    store.close();
    bus.close();
  }
};

/** The export's cells for each file, read and neutralised as the writer does (timed as a whole, outside the parts). */
const rowsByFile = (records: readonly LocketRecord[]): Map<CsvFile, string[][]> => {
  const names = new Map<RecordId, string>();
  for (const record of records) if (record.kind !== 'note') names.set(record.id, titleOf(record));
  const context = { nameOf: (id: RecordId) => names.get(id) };
  const rows = new Map<CsvFile, string[][]>(CSV_FILES.map((file) => [file, [LOCKET_COLUMNS[file].map((column) => column.header)]]));
  for (const record of records) {
    const cells = ((): string[] => {
      switch (record.kind) {
        case 'person': case 'organisation': return LOCKET_COLUMNS.contacts.map((column) => column.read(record, context));
        case 'case': return LOCKET_COLUMNS.cases.map((column) => column.read(record, context));
        case 'opportunity': return LOCKET_COLUMNS.opportunities.map((column) => column.read(record, context));
        case 'note': return LOCKET_COLUMNS.notes.map((column) => column.read(record, context));
        default: return [];
      }
    })();
    if (record.kind in FILE_OF) rows.get(FILE_OF[record.kind as keyof typeof FILE_OF])?.push(cells.map(neutraliseCell));
  }
  return rows;
};

/** Papa.unparse per batch of 1000 rows, with the writer's options; then the zip the export adds on top. */
const timeUnparseAndZip = (rows: Map<CsvFile, string[][]>): { readonly unparseMs: number; readonly zipMs: number } => {
  let unparseMs = 0;
  const texts: [string, Uint8Array][] = [];
  for (const [file, fileRows] of rows) {
    const chunks: string[] = [];
    for (let start = 0; start < fileRows.length; start += PAGE) {
      const batch = fileRows.slice(start, start + PAGE);
      const started = performance.now();
      chunks.push(`${Papa.unparse(batch, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`);
      unparseMs += performance.now() - started;
    }
    texts.push([`${file}.csv`, new TextEncoder().encode(chunks.join(''))]);
  }
  const zipStarted = performance.now();
  zipSync(Object.fromEntries(texts), { level: 6 });
  return { unparseMs, zipMs: performance.now() - zipStarted };
};

export const timeExport = async (): Promise<ExportReport> => {
  const accountKey = await sessionAccountKey();
  const exported = await timeWorkerExport(accountKey);
  const read = await timeReadParts(accountKey);
  const records = await liveRecords(accountKey);
  const cellsStarted = performance.now();
  const rows = rowsByFile(records);
  const cellsMs = performance.now() - cellsStarted;
  const { unparseMs, zipMs } = timeUnparseAndZip(rows);
  return {
    records: read.records, rows: exported.rows, bytes: exported.bytes, exportMs: exported.ms, exportStartedAt: exported.startedAt,
    getAllMs: read.getAllMs, decodeMs: read.decodeMs, unparseMs, zipMs, validateMs: read.validateMs, cellsMs,
  };
};
