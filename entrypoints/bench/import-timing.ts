import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { guessMapping, parseCsv } from '../../core/csv/import';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { ImportReport } from '../../test/bench/bench-api';
import { importContract } from '../../worker/contract';
import { validated } from '../../worker/host';
import { createImportApi } from '../../worker/import-api';
import { sessionAccountKey } from './bench-account';
import { contactsFile } from './contacts-file';
import { deleteDatabase } from './delete-database';
import { floorRow, schemaFloorOf } from './raw-put';
import { readWrittenSets, replayFloorOf, type WrittenSets } from './replay-floor';
import { bareWrite } from './bare-write';

/** A fresh account database of the real schema, so the seeded one is left as it is. */
const IMPORT_DB = 'locket-bench-import';
/** Its own channel: no open surface hears the scratch database's changes. */
const IMPORT_CHANNEL = 'locket-bench-import-changes';
const PUT_DB = 'locket-bench-import-put';
const PUT_BATCH = 1000;

const openPutScratch = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(PUT_DB, 1);
    request.addEventListener('upgradeneeded', () => { request.result.createObjectStore('records', { keyPath: 'id' }); });
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new Error('open failed')));
  });

/** The floor for import's writes: the same number of small rows, bare puts, one transaction per 1000. */
const timeBarePut = async (rows: readonly { readonly id: string; readonly kind: string; readonly fields: unknown }[]): Promise<number> => {
  await deleteDatabase(indexedDB, PUT_DB);
  const db = await openPutScratch();
  try {
    const now = Date.now();
    const started = performance.now();
    for (let start = 0; start < rows.length; start += PUT_BATCH) {
      await bareWrite(db, 'records', (tx) => {
        const store = tx.objectStore('records');
        for (const row of rows.slice(start, start + PUT_BATCH)) {
          store.put({ id: row.id, kind: row.kind, createdAt: now, updatedAt: now, deletedAt: null, links: [], body: { codec: 'plain', value: row.fields } });
        }
      });
    }
    return performance.now() - started;
  } finally {
    db.close();
    await deleteDatabase(indexedDB, PUT_DB);
  }
};

/**
 * The worker's import API (createImportApi, the code the worker runs) over a store on a
 * wiped scratch database with the account's codec: the worker itself only ever opens the
 * account's database. Run in the page, so no comlink hop; the file bytes would cross it once.
 */
const timeImportOnly = async (rows: number, seed: number): Promise<{ readonly report: ImportReport; readonly written: WrittenSets }> => {
  const accountKey = await sessionAccountKey();
  const file = contactsFile(seed, rows);
  const input = [{ name: 'locket-contacts.csv', bytes: file.bytes }];

  const parseStarted = performance.now();
  const parsed = parseCsv(file.bytes);
  const parseMs = performance.now() - parseStarted;
  if (!parsed.ok) throw new Error(`parseCsv refused the contacts file: ${parsed.error}`);
  const mapping = guessMapping('contacts', parsed.value.headers);

  const putMs = await timeBarePut(file.records);
  const now = Date.now();
  const floorMs = await schemaFloorOf(indexedDB, file.records.map((record) => floorRow(record.id, record.kind, now, [], record.fields)));

  await deleteDatabase(indexedDB, IMPORT_DB);
  const bus = createBroadcastBus(IMPORT_CHANNEL);
  try {
    const store = await openStore({ factory: indexedDB, name: IMPORT_DB, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey) });
    try {
      // Checked as the worker's host checks them, so the timing includes the argument checks.
      const api = validated(importContract, createImportApi({ store, clock: systemClock }));
      const planStarted = performance.now();
      const summary = await api.planImport(input, [mapping], 'skip');
      const planMs = performance.now() - planStarted;
      if (summary.refusals.length > 0) throw new Error(`planImport refused: ${summary.refusals.map((r) => JSON.stringify(r.refusal)).join('; ')}`);
      if (summary.planRef === null) throw new Error('planImport planned nothing to write');
      const runStarted = performance.now();
      const result = await api.runImport(summary.planRef);
      const runMs = performance.now() - runStarted;
      // Read back before the scratch database goes: the floor replays exactly these rows and sets.
      const written = await readWrittenSets(indexedDB, IMPORT_DB);
      const report: ImportReport = {
        rows, bytes: file.bytes.byteLength, parseMs, putMs, floorMs, planMs, runMs,
        written: result.written, skipped: summary.total.skipped, failed: result.failed, invalid: summary.total.invalid,
        // The bench's report keeps the failure as one string.
        failure: result.failure && (result.failure.type === 'write-failed' ? result.failure.message : result.failure.type),
      };
      return { report, written };
    } finally {
      store.close();
    }
  } finally {
    bus.close();
    await deleteDatabase(indexedDB, IMPORT_DB);
  }
};

/** timeImport, then the floor of its own writes: the rows and sets it wrote, added again bare (replay-floor.ts). */
export const timeImport = async (rows: number, seed: number): Promise<ImportReport> => {
  const { report, written } = await timeImportOnly(rows, seed);
  return { ...report, ownRowsFloorMs: await replayFloorOf(indexedDB, written) };
};
