/**
 * The export's own work beside its parts, in Node on fake-indexeddb with a plain codec: the
 * worker's `runCsvExport` of N seeded records (organisations, people linked to them, cases,
 * opportunities), then, over the same records held in memory, each stage it runs on its
 * thread apart: checking the decoded bodies (`parseFields`), building and neutralising the
 * cells, Papa.unparse, encoding, the zip. CPU time beside wall time, as the machine is shared.
 * `npx tsx test/bench/export-node.ts [records] [repeats]` (add `--cpu-prof` to node to profile).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { plainCodec } from '../../core/codec';
import { LOCKET_COLUMNS } from '../../core/csv/columns';
import { CSV_FILES } from '../../core/csv/fields';
import { neutraliseCell } from '../../core/csv/neutralise';
import { titleOf } from '../../core/records/display';
import { parseFields } from '../../core/records/validate';
import type { LocketRecord } from '../../core/records/types';
import { openStore } from '../../core/store/open-store';
import { runCsvExport } from '../../worker/export-csv';
import { caseAt, opportunityAt, organisationAt, personAt, planDataset } from './seed-data';

const RECORDS = Number(process.argv[2] ?? 10_000);
const REPEATS = Number(process.argv[3] ?? 3);
const SEED = 20240611;
const bus = { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined };
const store = await openStore({
  factory: new IDBFactory(), name: 'bench', codec: plainCodec, clock: systemClock, bus, author: 'owner',
  auditKeys: await deriveAuditKeys(new Uint8Array(32).fill(7)),
});
const plan = planDataset(RECORDS);
const idsOf = async (kind: 'organisation' | 'person', count: number): Promise<string[]> =>
  (await store.page(kind, 0, count)).map((record) => record.id).sort();
await store.insertMany('organisation', Array.from({ length: plan.organisations }, (_, i) => organisationAt(SEED, i)));
const organisations = await idsOf('organisation', plan.organisations);
await store.insertMany('person', Array.from({ length: plan.people }, (_, i) => {
  const person = personAt(SEED, i, plan);
  return { ...person.fields, organisationId: person.organisationIndex === null ? null : organisations[person.organisationIndex] ?? null };
}));
await store.insertMany('case', Array.from({ length: plan.cases }, (_, i) => caseAt(SEED, i, plan).fields));
await store.insertMany('opportunity', Array.from({ length: plan.opportunities }, (_, i) => opportunityAt(SEED, i, plan).fields));

/** CPU milliseconds of `work`, the median over REPEATS. */
const cpuOf = async (work: () => unknown): Promise<number> => {
  const times: number[] = [];
  for (let run = 0; run < REPEATS; run += 1) {
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
};

const records: LocketRecord[] = [];
await store.forEachBatch(1000, (batch) => { records.push(...batch); });
const names = new Map(records.filter((record) => record.kind !== 'note').map((record) => [record.id, titleOf(record)]));
const context = { nameOf: (id: string) => names.get(id) };
const contactsOf = records.filter((record) => record.kind === 'person' || record.kind === 'organisation');
const cells = (): string[][] => contactsOf.map((record) => LOCKET_COLUMNS.contacts.map((column) => column.read(record as never, context)));
const rows = cells();
const neutralised = rows.map((row) => row.map(neutraliseCell));
const text = Papa.unparse(neutralised, { newline: '\r\n', quotes: false, escapeFormulae: false });
const bytes = new TextEncoder().encode(text);
const noop = { signal: new AbortController().signal, onProgress: () => undefined };

const figures = {
  'runCsvExport, all files, zip': await cpuOf(() => runCsvExport({ store, clock: systemClock }, { files: CSV_FILES, options: { bom: false, zip: true }, ...noop })),
  'forEachBatch (fake-indexeddb read, parseFields)': await cpuOf(() => store.forEachBatch(1000, () => undefined)),
  'parseFields alone': await cpuOf(() => { for (const record of records) parseFields(record.kind, record.fields); }),
  'contacts cells': await cpuOf(cells),
  'neutraliseCell': await cpuOf(() => rows.map((row) => row.map(neutraliseCell))),
  'Papa.unparse (contacts)': await cpuOf(() => Papa.unparse(neutralised, { newline: '\r\n', quotes: false, escapeFormulae: false })),
  'TextEncoder (contacts)': await cpuOf(() => new TextEncoder().encode(text)),
  'zip level 6 (contacts)': await cpuOf(() => zipSync({ 'c.csv': bytes }, { level: 6 })),
  'zip level 1 (contacts)': await cpuOf(() => zipSync({ 'c.csv': bytes }, { level: 1 })),
};
console.log(`${RECORDS} records (${records.length} read; contacts.csv ${(bytes.length / 1e6).toFixed(1)} MB), CPU ms, median of ${REPEATS}:`);
for (const [name, ms] of Object.entries(figures)) console.log(`  ${name}: ${ms.toFixed(0)}`);
console.log(`  zip sizes: level 6 ${zipSync({ 'c.csv': bytes }, { level: 6 }).length}, level 1 ${zipSync({ 'c.csv': bytes }, { level: 1 }).length}`);
store.close();
