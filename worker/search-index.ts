import MiniSearch, { type Query } from 'minisearch';
import {
  SEARCH_FIELDS, searchTextOf, subtitleOf, titleOf, type SearchField, type SearchText,
} from '../core/records/display';
import type { LocketRecord, RecordId, RecordKind } from '../core/records/types';
import type { SearchHit, SearchOptions } from './api';
import { indexTermsOf, queryClausesOf, type QueryClause } from './search-tokens';

export const DEFAULT_SEARCH_LIMIT = 20;

/** The name is what people type most, so a match there ranks first. */
const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  name: 3, emails: 1.5, phones: 1, domain: 1.5, tags: 1.5, extra: 0.5,
};

/** Fuzzy matching is for typos in words; shorter terms and numbers only match by prefix. */
const MIN_FUZZY_TERM_LENGTH = 4;
const FUZZINESS = 0.2;
const MAX_EDIT_DISTANCE = 1;
const HAS_DIGIT = /\d/u;

type IndexedDocument = SearchText & { readonly id: RecordId };

export interface SearchIndex {
  /** Adds or refreshes a record; a trashed record or a note leaves the index instead. */
  readonly upsert: (record: LocketRecord) => void;
  readonly upsertMany: (records: readonly LocketRecord[]) => void;
  readonly remove: (id: RecordId) => void;
  /** Every term must match (as a prefix, or within one typo for longer words). Best first. */
  readonly search: (query: string, options?: SearchOptions) => SearchHit[];
  readonly size: () => number;
}

/** Notes are not searched for now; trashed records never are. */
export const isSearchable = (record: LocketRecord): boolean =>
  record.deletedAt === null && record.kind !== 'note';

const documentOf = (record: LocketRecord): IndexedDocument => ({ ...searchTextOf(record), id: record.id });

const keepWhole = (text: string): string[] => [text];

/** Every clause must match; within a clause one alternative, which needs all its terms. */
const queryOf = (clauses: readonly QueryClause[]): Query => ({
  combineWith: 'AND',
  queries: clauses.map((alternatives) => ({
    combineWith: 'OR',
    queries: alternatives.map((terms) => ({ combineWith: 'AND', queries: [...terms] })),
  })),
});

export const createSearchIndex = (): SearchIndex => {
  // What a hit shows, kept beside the index so results render without reading the store.
  const hits = new Map<RecordId, SearchHit>();
  const miniSearch = new MiniSearch<IndexedDocument>({
    fields: [...SEARCH_FIELDS],
    tokenize: indexTermsOf,
    // Terms arrive normalised from the tokenizers.
    processTerm: (term) => term,
    searchOptions: {
      // Queries arrive as trees of terms already split and normalised by queryClausesOf.
      tokenize: keepWhole,
      processTerm: (term) => term,
      combineWith: 'AND',
      prefix: true,
      fuzzy: (term) => (term.length >= MIN_FUZZY_TERM_LENGTH && !HAS_DIGIT.test(term) ? FUZZINESS : false),
      maxFuzzy: MAX_EDIT_DISTANCE,
      boost: FIELD_BOOSTS,
    },
  });

  const remove = (id: RecordId): void => {
    if (miniSearch.has(id)) miniSearch.discard(id);
    hits.delete(id);
  };

  const upsert = (record: LocketRecord): void => {
    if (!isSearchable(record)) {
      remove(record.id);
      return;
    }
    const document = documentOf(record);
    if (miniSearch.has(record.id)) miniSearch.replace(document);
    else miniSearch.add(document);
    hits.set(record.id, { id: record.id, kind: record.kind, title: titleOf(record), subtitle: subtitleOf(record) });
  };

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const clauses = queryClausesOf(query);
    if (clauses.length === 0) return [];
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const kinds: ReadonlySet<RecordKind> | null = options.kinds ? new Set(options.kinds) : null;
    const results = miniSearch.search(queryOf(clauses), kinds ? {
      filter: (result) => {
        const hit = hits.get(String(result.id));
        return hit !== undefined && kinds.has(hit.kind);
      },
    } : {});
    const found: SearchHit[] = [];
    for (const result of results) {
      if (found.length >= limit) break;
      const hit = hits.get(String(result.id));
      if (hit) found.push(hit);
    }
    return found;
  };

  return {
    upsert,
    upsertMany: (records) => { for (const record of records) upsert(record); },
    remove,
    search,
    size: () => miniSearch.documentCount,
  };
};
