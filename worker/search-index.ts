import MiniSearch from 'minisearch';
import {
  searchTextOf, subtitleOf, titleOf, type SearchField, type SearchText,
} from '../core/records/display';
import type { LocketRecord, RecordId, RecordKind } from '../core/records/types';
import type { SearchHit, SearchOptions } from './contract';
import { createMatchCollector, type ScoredSlot } from './search-collector';
import { topK } from './search-ranking';
import { indexTermsOf, normaliseText, queryReadingsOf, type QueryReading } from './search-tokens';

export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The name is what people type most, so a match there ranks first; descriptive text
 * last. Fields are weighed in groups because each group costs one walk of the matching
 * terms per query term. A term too short to say much (the first keystroke or two) is
 * looked for in names, then contact details, only: "a" would otherwise walk most of
 * the index for matches nobody is after.
 */
const FIELD_GROUPS: readonly {
  readonly fields: SearchField[];
  readonly boost: number;
  readonly minTermLength: number;
}[] = [
  { fields: ['name'], boost: 3, minTermLength: 1 },
  { fields: ['emails', 'phones', 'domain', 'tags'], boost: 1.5, minTermLength: 2 },
  { fields: ['extra'], boost: 0.5, minTermLength: 3 },
];

/** Fuzzy matching is for typos in words; shorter terms and numbers only match by prefix. */
const MIN_FUZZY_TERM_LENGTH = 4;
const FUZZINESS = 0.2;
const MAX_EDIT_DISTANCE = 1;
const HAS_DIGIT = /\d/u;

/** Documents are keyed by a small integer slot, so matching can score into typed arrays. */
type IndexedDocument = SearchText & { readonly slot: number };

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

const createGroupIndex = (fields: SearchField[]): MiniSearch<IndexedDocument> => new MiniSearch<IndexedDocument>({
  idField: 'slot',
  fields,
  tokenize: indexTermsOf,
  // Terms leave the tokenizers normalised.
  processTerm: (term) => term,
  searchOptions: {
    // Each search is one term from queryReadingsOf, already normalised.
    tokenize: (term) => [term],
    processTerm: (term) => term,
    prefix: true,
    fuzzy: (term) => (term.length >= MIN_FUZZY_TERM_LENGTH && !HAS_DIGIT.test(term) ? FUZZINESS : false),
    maxFuzzy: MAX_EDIT_DISTANCE,
  },
});

export const createSearchIndex = (): SearchIndex => {
  const slots = new Map<RecordId, number>();
  // What a hit shows, by slot, so results render without reading the store.
  const hits: (SearchHit | undefined)[] = [];
  // Equal scores list alphabetically. Broad queries compare thousands of ties, so each
  // title is normalised once here and compared as a plain string.
  const titleKeys: string[] = [];
  const byTitle = (a: number, b: number): number => {
    const keyA = titleKeys[a] ?? '';
    const keyB = titleKeys[b] ?? '';
    return keyA < keyB ? -1 : keyA > keyB ? 1 : a - b;
  };
  // One MiniSearch per field group: a prefix walk then visits only that group's terms, so
  // "1" does not step through every phone number to find the names that start with it.
  const groups = FIELD_GROUPS.map((group) => ({ ...group, index: createGroupIndex(group.fields) }));
  const collector = createMatchCollector();

  const remove = (id: RecordId): void => {
    const slot = slots.get(id);
    if (slot === undefined) return;
    for (const { index } of groups) if (index.has(slot)) index.discard(slot);
    slots.delete(id);
    hits[slot] = undefined;
    titleKeys[slot] = '';
  };

  const upsert = (record: LocketRecord): void => {
    if (!isSearchable(record)) {
      remove(record.id);
      return;
    }
    const slot = slots.get(record.id) ?? hits.length;
    const document = { ...searchTextOf(record), slot };
    for (const { fields, index } of groups) {
      const present = index.has(slot);
      // A record with nothing in a group's fields stays out of that group's index.
      if (fields.every((field) => document[field] === '')) {
        if (present) index.discard(slot);
      } else if (present) index.replace(document);
      else index.add(document);
    }
    slots.set(record.id, slot);
    const title = titleOf(record);
    hits[slot] = { id: record.id, kind: record.kind, title, subtitle: subtitleOf(record) };
    titleKeys[slot] = normaliseText(title);
  };

  /**
   * MiniSearch's own `search` builds an object per matching record and sorts them all,
   * which costs tens of milliseconds when a prefix like "a" matches most of 100,000
   * records. Its `boostDocument` hook sees every (record, stored term) match first, so
   * the collector scores there into typed arrays and declines every match (boost 0),
   * leaving MiniSearch nothing to build.
   */
  const searchReading = (reading: QueryReading, limit: number, accepts: (slot: number) => boolean): ScoredSlot[] => {
    collector.begin(hits.length);
    for (const clause of reading) {
      collector.beginClause();
      for (const term of clause) {
        for (const { index, boost, minTermLength } of groups) {
          if (term.length < minTermLength) continue;
          index.search(term, {
            boostDocument: (slot: number, storedTerm: string) => {
              collector.match(slot, term, storedTerm, boost, accepts);
              return 0;
            },
          });
        }
      }
      if (collector.endClause() === 0) return [];
    }
    return collector.best(limit, byTitle);
  };

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const kinds: ReadonlySet<RecordKind> | null = options.kinds ? new Set(options.kinds) : null;
    const accepts = (slot: number): boolean => {
      const hit = hits[slot];
      return hit !== undefined && (kinds === null || kinds.has(hit.kind));
    };
    // A record found by several readings counts with its best score. The best `limit` of
    // the union are among the best `limit` of each reading, so nothing else is needed.
    const scores = new Map<number, number>();
    for (const reading of queryReadingsOf(query)) {
      for (const { slot, score } of searchReading(reading, limit, accepts)) {
        scores.set(slot, Math.max(score, scores.get(slot) ?? 0));
      }
    }
    return topK([...scores.keys()], limit, (slot) => scores.get(slot) ?? 0, byTitle)
      .flatMap((slot) => hits[slot] ?? []);
  };

  return {
    upsert,
    upsertMany: (records) => { for (const record of records) upsert(record); },
    remove,
    search,
    size: () => slots.size,
  };
};
