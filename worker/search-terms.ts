import SearchableMap from 'minisearch/SearchableMap';
import { createTermTable, termTableFromJson, type TermTable, type TermTableJson } from './search-term-table';

/**
 * One field group's terms: from each stored term to the slots of the records that hold it,
 * with no per-record field lengths or frequencies, since ranking needs only which stored term
 * matched (search-ranking.ts). Most terms are frozen in a sorted table (search-term-table.ts,
 * a few bytes a term); terms added since sit in a radix tree, a term held by one record as a
 * bare number, until there are enough of them to merge into a new table. Both answer a
 * query as the one radix tree did: the same terms by prefix and by edit distance.
 *
 * Slots are never removed from here one by one: a record that changes or leaves gets a new
 * slot or none, its old slot is dead, searches skip dead slots, and `compact` drops them.
 */
type Postings = number | number[];


/** Fuzzy matching is for typos in words; shorter terms and numbers only match by prefix. */
const MIN_FUZZY_TERM_LENGTH = 4;
const FUZZINESS = 0.2;
const MAX_EDIT_DISTANCE = 1;
const HAS_DIGIT = /\d/u;

/** How many edits a query term may be from a stored term and still match it: 0 or 1. */
export const fuzzyDistanceOf = (term: string): number =>
  (term.length >= MIN_FUZZY_TERM_LENGTH && !HAS_DIGIT.test(term) ? Math.min(MAX_EDIT_DISTANCE, Math.round(term.length * FUZZINESS)) : 0);

export interface TermMap {
  readonly add: (term: string, slot: number) => void;
  /** Calls `visit` for each slot of each stored term that starts with `term` or is within its fuzzy distance. */
  readonly visit: (term: string, visit: (slot: number, storedTerm: string) => void) => void;
  /** Renumbers slots (`moved[old]`, -1 for dead ones) and drops the dead. */
  readonly compact: (moved: Int32Array) => void;
  /** Merges the terms added since into the frozen table. */
  readonly freeze: () => void;
  readonly toJSON: () => TermTableJson;
}

const slotsOf = (postings: Postings): readonly number[] => (typeof postings === 'number' ? [postings] : postings);

/** New terms stay in the radix tree until it holds this many, or a share of the table's, then merge in. */
const MIN_MERGE = 4096;
const MERGE_SHARE = 0.25;

const byTerm = <T>(a: readonly [string, T], b: readonly [string, T]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The table's entries and the tree's, one sorted list; a term in both keeps the table's slots first (they are older). */
const merged = (table: TermTable, live: SearchableMap<Postings>, moved?: Int32Array): [string, number[]][] => {
  const renumber = (slots: ArrayLike<number>): number[] => {
    const kept: number[] = [];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] ?? -1;
      const next = moved ? moved[slot] ?? -1 : slot;
      // A record's repeat of a term can land on both sides of a merge: kept once.
      if (next >= 0 && kept[kept.length - 1] !== next) kept.push(next);
    }
    return kept;
  };
  const added = [...live.entries()].map(([term, postings]) => [term, slotsOf(postings)] as const).sort(byTerm);
  const entries: [string, number[]][] = [];
  let next = 0;
  const push = (term: string, slots: number[]): void => { if (slots.length > 0) entries.push([term, slots]); };
  for (let at = 0; at < table.size; at++) {
    const term = table.termAt(at);
    for (; next < added.length && (added[next]?.[0] ?? '') < term; next++) push(added[next]?.[0] ?? '', renumber(added[next]?.[1] ?? []));
    const same = added[next]?.[0] === term ? added[next++]?.[1] ?? [] : [];
    push(term, renumber([...table.slotsAt(at), ...same]));
  }
  for (; next < added.length; next++) push(added[next]?.[0] ?? '', renumber(added[next]?.[1] ?? []));
  return entries;
};

export const createTermMap = (json?: TermTableJson): TermMap => {
  let table: TermTable = json ? termTableFromJson(json) : createTermTable([]);
  let live = new SearchableMap<Postings>();
  // Counted here: SearchableMap counts its size by walking the whole tree after every change.
  let liveTerms = 0;
  const freeze = (): void => {
    if (liveTerms === 0) return;
    table = createTermTable(merged(table, live));
    live = new SearchableMap<Postings>();
    liveTerms = 0;
  };
  return {
    // One walk of the tree per term. A record adds its slot after every earlier record's,
    // so a repeat within one record is always the last posting.
    add: (term, slot) => {
      live.update(term, (postings) => {
        if (postings === undefined) { liveTerms += 1; return slot; }
        if (typeof postings === 'number') return postings === slot ? postings : [postings, slot];
        if (postings[postings.length - 1] !== slot) postings.push(slot);
        return postings;
      });
      if (liveTerms >= MIN_MERGE && liveTerms >= table.size * MERGE_SHARE) freeze();
    },
    visit: (term, visit) => {
      const seen = new Set<string>();
      const prefixed = (slot: number, storedTerm: string): void => { seen.add(storedTerm); visit(slot, storedTerm); };
      table.visitPrefix(term, prefixed);
      for (const [storedTerm, postings] of live.atPrefix(term)) for (const slot of slotsOf(postings)) prefixed(slot, storedTerm);
      const distance = fuzzyDistanceOf(term);
      if (distance === 0) return;
      table.visitFuzzy(term, distance, (storedTerm) => seen.has(storedTerm), visit);
      for (const [storedTerm, [postings]] of live.fuzzyGet(term, distance)) {
        if (!seen.has(storedTerm)) for (const slot of slotsOf(postings)) visit(slot, storedTerm);
      }
    },
    compact: (moved) => {
      table = createTermTable(merged(table, live, moved));
      live = new SearchableMap<Postings>();
      liveTerms = 0;
    },
    freeze,
    toJSON: () => { freeze(); return table.toJSON(); },
  };
};
