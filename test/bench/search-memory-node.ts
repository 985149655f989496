/**
 * The search worker's memory and its load from a saved copy, in Node over the bench's seeded
 * records (no browser, no IndexedDB): the heap held by the search index and by the filter
 * columns, each after a collection, and where loading the sealed copy spends its time
 * (decrypt, UTF-8 decode, JSON.parse, rebuilding the index, rebuilding the columns).
 * `node --expose-gc --import tsx test/bench/search-memory-node.ts [records] [repeats]`
 */
import { webcrypto } from 'node:crypto';
import { createIdFactory } from '../../core/ids';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { createFilterColumns, type FilterColumns } from '../../worker/filters/filter-columns';
import { createSearchIndex, type SearchIndex } from '../../worker/search-index';
import { caseAt, opportunityAt, organisationAt, personAt, planDataset } from './seed-data';

const TOTAL = Number(process.argv[2] ?? 100_000);
const REPEATS = Number(process.argv[3] ?? 3);
const SEED = 20240611;
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc');

const heap = (): number => { gc(); gc(); return process.memoryUsage().heapUsed; };

/** The bench's records as the store holds them: ids in creation order, links resolved. */
const records = (): LocketRecord[] => {
  const plan = planDataset(TOTAL);
  let now = Date.UTC(2026, 0, 1);
  const clock = { now: () => (now += 7) };
  const newId = createIdFactory(clock);
  const meta = () => { const at = clock.now(); return { id: newId(), createdAt: at, updatedAt: at, deletedAt: null }; };
  const organisations: RecordId[] = [];
  const people: RecordId[] = [];
  const all: LocketRecord[] = [];
  for (let i = 0; i < plan.organisations; i++) {
    const record = { ...meta(), kind: 'organisation' as const, fields: organisationAt(SEED, i) };
    organisations.push(record.id);
    all.push(record);
  }
  for (let i = 0; i < plan.people; i++) {
    const { fields, organisationIndex } = personAt(SEED, i, plan);
    const record = { ...meta(), kind: 'person' as const, fields: { ...fields, organisationId: organisationIndex === null ? null : organisations[organisationIndex] ?? null } };
    people.push(record.id);
    all.push(record);
  }
  const party = (ref: { kind: 'person' | 'organisation'; index: number } | null): RecordId | null =>
    ref === null ? null : (ref.kind === 'person' ? people : organisations)[ref.index] ?? null;
  for (let i = 0; i < plan.cases; i++) {
    const { fields, party: ref } = caseAt(SEED, i, plan);
    all.push({ ...meta(), kind: 'case', fields: { ...fields, partyId: party(ref) } });
  }
  for (let i = 0; i < plan.opportunities; i++) {
    const { fields, party: ref } = opportunityAt(SEED, i, plan);
    all.push({ ...meta(), kind: 'opportunity', fields: { ...fields, partyId: party(ref) } });
  }
  return all;
};

const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const seeded = records();
const rawBytes = seeded.reduce((sum, record) => sum + JSON.stringify(record).length, 0);
console.log(`${seeded.length} records, raw JSON ${(rawBytes / MB).toFixed(1)} MB`);

/** What is held while the heap is read. */
const held = new Set<SearchIndex | FilterColumns>();
const base = heap();
const [index, buildIndexMs] = await time(() => { const built = createSearchIndex(); built.upsertMany(seeded); return built; });
held.add(index);
const withIndex = heap();
const [columns, buildColumnsMs] = await time(() => { const built = createFilterColumns(); built.upsertMany(seeded); return built; });
held.add(columns);
const withBoth = heap();
console.log(`build: index ${buildIndexMs.toFixed(0)} ms, columns ${buildColumnsMs.toFixed(0)} ms`);
console.log(`heap: index ${((withIndex - base) / MB).toFixed(1)} MB, columns ${((withBoth - withIndex) / MB).toFixed(1)} MB, both ${((withBoth - base) / MB).toFixed(1)} MB`);

// The saved copy as the shelf seals it: one JSON of the index and the columns, AES-GCM.
const key = await webcrypto.subtle.importKey('raw', new Uint8Array(32).fill(7), 'AES-GCM', false, ['encrypt', 'decrypt']);
const iv = new Uint8Array(12);
const saved = { format: 0, position: { newest: '', count: 0 }, index: index.toJSON(), columns: columns.toJSON() };
const [json, stringifyMs] = await time(() => JSON.stringify(saved));
const indexChars = JSON.stringify(saved.index).length;
const sealed = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(json));
console.log(`saved: ${(json.length / MB).toFixed(1)} MB of JSON (index ${(indexChars / MB).toFixed(1)} MB, columns ${((json.length - indexChars) / MB).toFixed(1)} MB), stringify ${stringifyMs.toFixed(0)} ms`);
held.clear();

const phases: Record<string, number[]> = { decrypt: [], utf8: [], parse: [], index: [], columns: [], total: [] };
/** One load as the search worker does it; only the index and the columns outlive it. */
const loadSaved = async (): Promise<readonly [SearchIndex, FilterColumns]> => {
  const [plain, decryptMs] = await time(() => webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));
  const [text, utf8Ms] = await time(() => new TextDecoder('utf-8', { fatal: true }).decode(plain));
  const [parsed, parseMs] = await time(() => JSON.parse(text) as typeof saved);
  const [loadedIndex, indexMs] = await time(() => createSearchIndex(parsed.index));
  const [loadedColumns, columnsMs] = await time(() => createFilterColumns(parsed.columns));
  Object.entries({ decrypt: decryptMs, utf8: utf8Ms, parse: parseMs, index: indexMs, columns: columnsMs })
    .forEach(([phase, ms]) => phases[phase]?.push(ms));
  phases['total']?.push(decryptMs + utf8Ms + parseMs + indexMs + columnsMs);
  return [loadedIndex, loadedColumns];
};
let loadedHeap = 0;
for (let run = 0; run < REPEATS; run++) {
  const before = heap();
  for (const loaded of await loadSaved()) held.add(loaded);
  // The first run's: a later run's `before` may still hold the run before it (the module's await keeps it).
  if (run === 0) loadedHeap = heap() - before;
  held.clear();
}
console.log(`load (median of ${REPEATS}): ${Object.entries(phases).map(([phase, ms]) => `${phase} ${median(ms).toFixed(0)} ms`).join(', ')}`);
console.log(`heap after loading, index and columns: ${(loadedHeap / MB).toFixed(1)} MB`);
const reads: number[] = [];
for (let run = 0; run < REPEATS; run++) reads.push((await time(() => [...columns.ofKind('person')].filter((record) => record.kind === 'person' && record.fields.tags.length > 0).length))[1]);
console.log(`a pass over every held person reading its tags (a tag filter's): ${median(reads).toFixed(0)} ms`);
