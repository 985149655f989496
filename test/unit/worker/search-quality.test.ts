/**
 * Pins what a fixed set of queries returns over a fixed corpus: which records, in which
 * order. Any change to tokenising, matching, fuzziness, field weights or tie order shows
 * here as a changed result; a change to how the index is held (persisted, shared, compacted)
 * must leave every line as it is.
 */
import { describe, expect, it } from 'vitest';
import type { LocketRecord, RecordKind } from '../../../core/records/types';
import type { SearchOptions } from '../../../worker/contract';
import { createSearchIndex, type SearchIndex, type SearchIndexJson } from '../../../worker/search-index';
import { createScanQueue, scanSearch } from '../../../worker/search-scan';
import { benchQueries } from '../../bench/queries';
import { CORPUS_SEED, searchCorpus } from './search-corpus';

interface PinnedQuery { readonly query: string; readonly options?: SearchOptions }

const corpus = searchCorpus(3000);
const note = corpus.find((record) => record.kind === 'note');
const noteWords = note?.kind === 'note' ? note.fields.body.split(' ') : [];

const typed = (query: string): PinnedQuery => ({ query });
const ofKinds = (query: string, kinds: readonly RecordKind[], limit?: number): PinnedQuery =>
  ({ query, options: limit === undefined ? { kinds } : { kinds, limit } });

/** Prefixes as typed, typos, every field group, each kind alone and together, broad and narrow limits. */
export const PINNED_QUERIES: readonly PinnedQuery[] = [
  ...benchQueries(CORPUS_SEED).map(typed),
  // Prefixes, keystroke by keystroke.
  ...['s', 'sc', 'sch', 'schu', 'schul', 'b', 'be', 'ber'].map(typed),
  // One typo in a longer word; short words never fuzzy.
  ...['mueller', 'schmit', 'logistic', 'nordlict', 'bekr', 'joh'].map(typed),
  // Across kinds, and one kind at a time.
  ofKinds('a', ['organisation']), ofKinds('a', ['case', 'opportunity']), ofKinds('ma', ['person'], 5),
  ofKinds('renewal', ['opportunity']), ofKinds('audit', ['case']), ofKinds('gmbh', ['organisation', 'person'], 50),
  // Ranking: a broad prefix with a long list.
  { query: 'a', options: { limit: 100 } }, { query: 'customer', options: { limit: 100 } },
  // The trashed person and the note share words with live records, and must never show.
  typed(noteWords[0] ?? ''),
  // Nothing to find.
  typed('zzzzqx'), typed(''), typed('   '),
];

const answersOf = (index: SearchIndex) => PINNED_QUERIES.map(({ query, options }) => ({
  query, options: options ?? {},
  hits: index.search(query, options).map((hit) => `${hit.kind} ${hit.id} ${hit.title} | ${hit.subtitle}`),
}));

const builtFrom = (records: readonly LocketRecord[]): SearchIndex => {
  const index = createSearchIndex();
  index.upsertMany(records);
  return index;
};

describe('search quality', () => {
  it('returns the same records in the same order for every pinned query', () => {
    expect(answersOf(builtFrom(corpus))).toMatchSnapshot();
  });

  it('answers the same after being saved as JSON and loaded back', () => {
    const saved: unknown = JSON.parse(JSON.stringify(builtFrom(corpus).toJSON()));
    expect(answersOf(createSearchIndex(saved as SearchIndexJson))).toEqual(answersOf(builtFrom(corpus)));
  });

  it('answers as a fresh build after records were edited, trashed and compacted away', () => {
    const index = builtFrom(corpus);
    // Every other person renamed, then most organisations and every case and opportunity
    // trashed: over half the slots dead, so the index compacts itself.
    const edited = corpus.map((record, at) => (record.kind === 'person' && at % 2 === 0
      ? { ...record, fields: { ...record.fields, firstName: `Renamed${at}`, tags: ['customer'] } } : record));
    index.upsertMany(edited);
    const trashed = new Set(edited.filter((record, at) => (record.kind === 'organisation' && at % 5 !== 0) || record.kind === 'case' || record.kind === 'opportunity').map((record) => record.id));
    for (const id of trashed) index.remove(id);
    const remaining = edited.filter((record) => !trashed.has(record.id));

    const again = answersOf(index);
    expect(again).toEqual(answersOf(builtFrom(remaining)));
    expect(again).not.toEqual(answersOf(builtFrom(corpus)));
  });
});

describe('search without an index', () => {
  it('answers every pinned query as the index does', async () => {
    const reads = {
      forEachBatch: async (size: number, visit: (records: readonly LocketRecord[]) => void | Promise<void>) => {
        for (let at = 0; at < corpus.length; at += size) await visit(corpus.slice(at, at + size));
      },
    };
    const scanned = [];
    for (const { query, options } of PINNED_QUERIES) {
      const hits = await scanSearch(reads, query, options);
      scanned.push({ query, options: options ?? {}, hits: hits.map((hit) => `${hit.kind} ${hit.id} ${hit.title} | ${hit.subtitle}`) });
    }
    expect(scanned).toEqual(answersOf(builtFrom(corpus)));
  });

  it('answers a burst of queries with one or two passes over the records, not one each', async () => {
    let passes = 0;
    const reads = {
      forEachBatch: async (size: number, visit: (records: readonly LocketRecord[]) => void | Promise<void>) => {
        passes += 1;
        for (let at = 0; at < corpus.length; at += size) await visit(corpus.slice(at, at + size));
      },
    };
    const queue = createScanQueue(reads);
    const burst = PINNED_QUERIES.slice(0, 12);
    const answers = await Promise.all(burst.map(({ query, options }) => queue.search(query, options)));
    expect(passes).toBeLessThanOrEqual(2);
    const index = builtFrom(corpus);
    expect(answers.map((hits) => hits.map((hit) => hit.id)))
      .toEqual(burst.map(({ query, options }) => index.search(query, options).map((hit) => hit.id)));
  });
});
