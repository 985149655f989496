import { searchTextOf, titleOf, subtitleOf } from '../core/records/display';
import type { LocketRecord, RecordKind } from '../core/records/types';
import type { RecordReads } from '../core/record-store/contract';
import type { SearchHit, SearchOptions } from './contract';
import { DEFAULT_SEARCH_LIMIT, FIELD_GROUPS, isSearchable } from './search-index';
import { matchWeight, topK } from './search-ranking';
import { fuzzyDistanceOf } from './search-terms';
import { indexTermsOf, normaliseText, queryReadingsOf, type QueryReading } from './search-tokens';

const SCAN_BATCH = 1000;

/** Whether `a` becomes `b` with at most one insertion, deletion or substitution. */
export const withinOneEdit = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};

/** What the index stores for a query term: a completion of it, or a near miss of a longer word. */
const answers = (queryTerm: string, storedTerm: string): boolean =>
  storedTerm.startsWith(queryTerm) || (fuzzyDistanceOf(queryTerm) > 0 && withinOneEdit(queryTerm, storedTerm));

/** One record's terms by field group, as the index would store them. */
const groupTermsOf = (record: LocketRecord): string[][] => {
  const text = searchTextOf(record);
  return FIELD_GROUPS.map(({ fields }) => fields.flatMap((field) => indexTermsOf(text[field], field)));
};

/** The record's score for one reading: the sum over clauses of its best match; 0 when a clause finds nothing. */
const readingScore = (reading: QueryReading, terms: readonly string[][]): number => {
  let total = 0;
  for (const clause of reading) {
    let best = 0;
    for (const queryTerm of clause) {
      FIELD_GROUPS.forEach(({ boost, minTermLength }, at) => {
        if (queryTerm.length < minTermLength) return;
        for (const storedTerm of terms[at] ?? []) {
          if (answers(queryTerm, storedTerm)) best = Math.max(best, matchWeight(queryTerm, storedTerm) * boost);
        }
      });
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
};

interface Scored { readonly hit: SearchHit; readonly score: number; readonly titleKey: string; readonly order: number }

/** One query of a scan pass. */
export interface ScanRequest {
  readonly query: string;
  readonly options?: SearchOptions;
}

interface ScanQuery {
  readonly readings: QueryReading[];
  readonly limit: number;
  readonly kinds: ReadonlySet<RecordKind> | null;
  best: Scored[];
  found: Scored[];
}

const byTitle = (a: Scored, b: Scored): number =>
  (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : a.order - b.order);

/**
 * Search without an index: reads every record once and scores it for each query as the index
 * would (same terms, same matches, same weights, ties by title then reading order), so the
 * answers are the index's, only slower. Serves while the index is first built; queries that
 * arrive together share one pass over the records.
 */
export const scanSearchMany = async (
  records: Pick<RecordReads, 'forEachBatch'>, requests: readonly ScanRequest[],
): Promise<SearchHit[][]> => {
  const queries: ScanQuery[] = requests.map(({ query, options = {} }) => ({
    readings: queryReadingsOf(query), limit: options.limit ?? DEFAULT_SEARCH_LIMIT,
    kinds: options.kinds ? new Set(options.kinds) : null, best: [], found: [],
  }));
  if (queries.every((query) => query.readings.length === 0)) return queries.map(() => []);
  let order = 0;
  await records.forEachBatch(SCAN_BATCH, (batch) => {
    for (const record of batch) {
      if (!isSearchable(record)) continue;
      order += 1;
      let terms: string[][] | null = null;
      for (const query of queries) {
        if (query.readings.length === 0 || (query.kinds !== null && !query.kinds.has(record.kind))) continue;
        terms ??= groupTermsOf(record);
        const recordTerms = terms;
        const score = Math.max(...query.readings.map((reading) => readingScore(reading, recordTerms)));
        if (score === 0) continue;
        const title = titleOf(record);
        query.found.push({ hit: { id: record.id, kind: record.kind, title, subtitle: subtitleOf(record) }, score, titleKey: normaliseText(title), order });
      }
    }
    for (const query of queries) {
      query.best = topK([...query.best, ...query.found], query.limit, (candidate) => candidate.score, byTitle);
      query.found = [];
    }
  });
  return queries.map((query) => query.best.map(({ hit }) => hit));
};

export const scanSearch = async (
  records: Pick<RecordReads, 'forEachBatch'>, query: string, options: SearchOptions = {},
): Promise<SearchHit[]> => (await scanSearchMany(records, [{ query, options }]))[0] ?? [];

/**
 * Scans on demand, one pass at a time: queries asked while a pass runs wait for the next,
 * which answers all of them, so a burst of lookups costs one or two passes, not one each.
 */
export const createScanQueue = (records: Pick<RecordReads, 'forEachBatch'>) => {
  interface Waiting {
    readonly request: ScanRequest;
    readonly resolve: (hits: SearchHit[]) => void;
    readonly reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let running = false;
  const run = async (): Promise<void> => {
    running = true;
    while (waiting.length > 0) {
      const taken = waiting;
      waiting = [];
      try {
        const answers = await scanSearchMany(records, taken.map(({ request }) => request));
        taken.forEach(({ resolve }, at) => { resolve(answers[at] ?? []); });
      } catch (error) {
        for (const { reject } of taken) reject(error);
      }
    }
    running = false;
  };
  return {
    search: (query: string, options?: SearchOptions): Promise<SearchHit[]> => {
      const answer = new Promise<SearchHit[]>((resolve, reject) => {
        waiting.push({ request: options ? { query, options } : { query }, resolve, reject });
      });
      if (!running) void run();
      return answer;
    },
  };
};
