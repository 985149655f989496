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

/**
 * Search without an index: reads every record and scores it as the index would (same terms,
 * same matches, same weights, ties by title then reading order), so its answers are the
 * index's, only slower. Serves while the index is first built.
 */
export const scanSearch = async (
  records: Pick<RecordReads, 'forEachBatch'>, query: string, options: SearchOptions = {},
): Promise<SearchHit[]> => {
  const readings = queryReadingsOf(query);
  if (readings.length === 0) return [];
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const kinds: ReadonlySet<RecordKind> | null = options.kinds ? new Set(options.kinds) : null;
  const byTitle = (a: Scored, b: Scored): number =>
    (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : a.order - b.order);
  let best: Scored[] = [];
  let order = 0;
  await records.forEachBatch(SCAN_BATCH, (batch) => {
    const found: Scored[] = [];
    for (const record of batch) {
      if (!isSearchable(record)) continue;
      order += 1;
      if (kinds !== null && !kinds.has(record.kind)) continue;
      const terms = groupTermsOf(record);
      const score = Math.max(...readings.map((reading) => readingScore(reading, terms)));
      if (score === 0) continue;
      const title = titleOf(record);
      found.push({ hit: { id: record.id, kind: record.kind, title, subtitle: subtitleOf(record) }, score, titleKey: normaliseText(title), order });
    }
    best = topK([...best, ...found], limit, (candidate) => candidate.score, byTitle);
  });
  return best.map(({ hit }) => hit);
};
