import {
  searchTextOf, subtitleOf, titleOf, type SearchField,
} from '../core/records/display';
import { isDependentKind, type LocketRecord, type RecordId, type RecordKind } from '../core/records/types';
import type { SearchHit, SearchOptions } from './contract';
import { createMatchCollector, type ScoredSlot } from './search-collector';
import { topK } from './search-ranking';
import { createTermMap } from './search-terms';
import type { TermTableJson } from './search-term-table';
import { indexTermsOf, normaliseText, queryReadingsOf, type QueryReading } from './search-tokens';

export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The name is what people type most, so a match there ranks first; descriptive text
 * last. Fields are weighed in groups because each group costs one walk of the matching
 * terms per query term. A term too short to say much (the first keystroke or two) is
 * looked for in names, then contact details, only: "a" would otherwise walk most of
 * the index for matches nobody is after.
 */
export const FIELD_GROUPS: readonly {
  readonly fields: SearchField[];
  readonly boost: number;
  readonly minTermLength: number;
}[] = [
  { fields: ['name'], boost: 3, minTermLength: 1 },
  { fields: ['emails', 'phones', 'domain', 'tags'], boost: 1.5, minTermLength: 2 },
  { fields: ['extra'], boost: 0.5, minTermLength: 3 },
];

/** Compacting renumbers every posting, so it waits until dead slots are this share of all. */
const COMPACT_DEAD_SHARE = 0.5;
const COMPACT_MIN_DEAD = 1000;

/** What a saved index holds: the terms, and by slot what results show and how ties order. */
export interface SearchIndexJson {
  readonly groups: TermTableJson[];
  /** By slot: the hit, or null for a dead slot. */
  readonly hits: (SearchHit | null)[];
  /** By slot: the order equal scores list in (a record keeps its order when edited). */
  readonly order: number[];
  readonly nextOrder: number;
}

export interface SearchIndex {
  /** Adds or refreshes a record; a trashed record or a note leaves the index instead. */
  readonly upsert: (record: LocketRecord) => void;
  readonly upsertMany: (records: readonly LocketRecord[]) => void;
  readonly remove: (id: RecordId) => void;
  /** Every term must match (as a prefix, or within one typo for longer words). Best first. */
  readonly search: (query: string, options?: SearchOptions) => SearchHit[];
  readonly size: () => number;
  readonly has: (id: RecordId) => boolean;
  readonly ids: () => IterableIterator<RecordId>;
  /** Packs every term added since into the frozen tables (search-terms.ts); after a build, before it is held. */
  readonly freeze: () => void;
  readonly toJSON: () => SearchIndexJson;
}

/** Notes, tasks and activities are not searched for now; trashed records never are. */
export const isSearchable = (record: LocketRecord): boolean =>
  record.deletedAt === null && !isDependentKind(record.kind);

/**
 * The field groups with their terms, saved or empty. Outside createSearchIndex on purpose: a
 * closure in it that names `saved` keeps the whole parsed copy alive for as long as the index.
 */
const groupsFrom = (saved?: SearchIndexJson) => FIELD_GROUPS.map((group, at) => ({ ...group, terms: createTermMap(saved?.groups[at]) }));

export const createSearchIndex = (saved?: SearchIndexJson): SearchIndex => {
  const groups = groupsFrom(saved);
  // What a hit shows, by slot, so results render without reading the store; undefined once dead.
  let hits: (SearchHit | undefined)[] = saved ? saved.hits.map((hit) => hit ?? undefined) : [];
  let order: number[] = saved ? [...saved.order] : [];
  let nextOrder = saved?.nextOrder ?? 0;
  // Equal scores list alphabetically. Broad queries compare thousands of ties, so each
  // title is normalised once here and compared as a plain string.
  let titleKeys: string[] = hits.map((hit) => (hit ? normaliseText(hit.title) : ''));
  const slots = new Map<RecordId, number>();
  hits.forEach((hit, slot) => { if (hit) slots.set(hit.id, slot); });
  let dead = hits.length - slots.size;
  const byTitle = (a: number, b: number): number => {
    const keyA = titleKeys[a] ?? '';
    const keyB = titleKeys[b] ?? '';
    return keyA < keyB ? -1 : keyA > keyB ? 1 : (order[a] ?? 0) - (order[b] ?? 0);
  };
  const collector = createMatchCollector();

  const compact = (): void => {
    const moved = new Int32Array(hits.length).fill(-1);
    const kept: number[] = [];
    hits.forEach((hit, slot) => { if (hit) { moved[slot] = kept.length; kept.push(slot); } });
    for (const { terms } of groups) terms.compact(moved);
    hits = kept.map((slot) => hits[slot]);
    order = kept.map((slot) => order[slot] ?? 0);
    titleKeys = kept.map((slot) => titleKeys[slot] ?? '');
    kept.forEach((slot, at) => { const hit = hits[at]; if (hit) slots.set(hit.id, at); });
    dead = 0;
  };

  /** Marks the record's slot dead; returns its tie order, to keep when it comes back. */
  const retire = (id: RecordId): number | undefined => {
    const slot = slots.get(id);
    if (slot === undefined) return undefined;
    slots.delete(id);
    hits[slot] = undefined;
    titleKeys[slot] = '';
    dead += 1;
    return order[slot];
  };

  const remove = (id: RecordId): void => {
    retire(id);
    if (dead >= COMPACT_MIN_DEAD && dead >= hits.length * COMPACT_DEAD_SHARE) compact();
  };

  const upsert = (record: LocketRecord): void => {
    const kept = retire(record.id);
    if (!isSearchable(record)) return;
    const slot = hits.length;
    const text = searchTextOf(record);
    for (const { fields, terms } of groups) {
      for (const field of fields) for (const term of indexTermsOf(text[field], field)) terms.add(term, slot);
    }
    const title = titleOf(record);
    hits.push({ id: record.id, kind: record.kind, title, subtitle: subtitleOf(record) });
    titleKeys.push(normaliseText(title));
    order.push(kept ?? nextOrder++);
    slots.set(record.id, slot);
  };

  const searchReading = (reading: QueryReading, limit: number, accepts: (slot: number) => boolean): ScoredSlot[] => {
    collector.begin(hits.length);
    for (const clause of reading) {
      collector.beginClause();
      for (const term of clause) {
        for (const { terms, boost, minTermLength } of groups) {
          if (term.length < minTermLength) continue;
          terms.visit(term, (slot, storedTerm) => { collector.match(slot, term, storedTerm, boost, accepts); });
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
    has: (id) => slots.has(id),
    ids: () => slots.keys(),
    freeze: () => { for (const { terms } of groups) terms.freeze(); },
    toJSON: () => ({
      groups: groups.map(({ terms }) => terms.toJSON()), hits: hits.map((hit) => hit ?? null), order, nextOrder,
    }),
  };
};
