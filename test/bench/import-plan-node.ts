/**
 * Planning an import (the worker's `planImport`: reading the file, mapping, validating each
 * row, duplicate matching) of a Locket contacts file of N rows, in Node on fake-indexeddb with
 * an empty account, as the bench's import figure plans it. Run with `--cpu-prof` to see where
 * the time goes. `npx tsx test/bench/import-plan-node.ts [rows] [repeats]`
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { plainCodec } from '../../core/codec';
import { guessMapping, parseCsv } from '../../core/csv/import';
import { openStore } from '../../core/store/open-store';
import { importContract } from '../../worker/contract';
import { validated } from '../../worker/host';
import { createImportApi } from '../../worker/import-api';
import { contactsFile } from '../../entrypoints/bench/contacts-file';

const ROWS = Number(process.argv[2] ?? 20_000);
const REPEATS = Number(process.argv[3] ?? 3);
const bus = { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined };
const store = await openStore({
  factory: new IDBFactory(), name: 'bench', codec: plainCodec, clock: systemClock, bus, author: 'owner',
  auditKeys: await deriveAuditKeys(new Uint8Array(32).fill(7)),
});
const file = contactsFile(20240611, ROWS);
const parsed = parseCsv(file.bytes);
if (!parsed.ok) throw new Error('the contacts file did not parse');
const mapping = guessMapping('contacts', parsed.value.headers);
// Checked as the worker's host checks them, as the bench page does.
const api = validated(importContract, createImportApi({ store, clock: systemClock }));
// CPU time beside wall time: on a shared machine the wall time mostly measures the others.
const times: string[] = [];
for (let run = 0; run < REPEATS; run += 1) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await api.planImport([{ name: 'locket-contacts.csv', bytes: new Uint8Array(file.bytes) }], [mapping], 'skip');
  const cpu = process.cpuUsage(cpuBefore);
  times.push(`${(performance.now() - started).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
  if (run === 0) console.log(`planned: ${JSON.stringify(summary.total)}`);
}
console.log(`${ROWS} rows: planImport ${times.join(', ')}`);
store.close();
