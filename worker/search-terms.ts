import SearchableMap from 'minisearch/SearchableMap';

/**
 * One field group's terms: a radix tree from each stored term to the slots of the records
 * that hold it. A term held by one record stores that slot as a bare number, which is most
 * terms (names, addresses, references): no per-term maps, no per-record field lengths or
 * frequencies, since ranking needs only which stored term matched (search-ranking.ts).
 *
 * Slots are never removed from here one by one: a record that changes or leaves gets a new
 * slot or none, its old slot is dead, searches skip dead slots, and `compact` drops them.
 */
type Postings = number | number[];

/** A serialisable radix tree: [key, child] pairs, the empty key holding a term's postings. */
export type TermTreeJson = [string, TermTreeJson | Postings][];

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
  readonly toJSON: () => TermTreeJson;
}

type Tree = Map<string, unknown>;

const treeToJson = (tree: Tree): TermTreeJson =>
  [...tree].map(([key, child]) => [key, key === '' ? child as Postings : treeToJson(child as Tree)]);

const treeFromJson = (json: TermTreeJson): Tree =>
  new Map(json.map(([key, child]) => [key, key === '' ? child : treeFromJson(child as TermTreeJson)]));

const visitPostings = (postings: Postings, storedTerm: string, visit: (slot: number, storedTerm: string) => void): void => {
  if (typeof postings === 'number') visit(postings, storedTerm);
  else for (const slot of postings) visit(slot, storedTerm);
};

export const createTermMap = (json?: TermTreeJson): TermMap => {
  // SearchableMap's constructor takes its tree as is: loading a saved tree skips re-inserting every term.
  const map = json ? new SearchableMap<Postings>(treeFromJson(json) as never) : new SearchableMap<Postings>();
  return {
    // One walk of the tree per term. A record adds its slot after every earlier record's,
    // so a repeat within one record is always the last posting.
    add: (term, slot) => {
      map.update(term, (postings) => {
        if (postings === undefined) return slot;
        if (typeof postings === 'number') return postings === slot ? postings : [postings, slot];
        if (postings[postings.length - 1] !== slot) postings.push(slot);
        return postings;
      });
    },
    visit: (term, visit) => {
      const seen = new Set<string>();
      for (const [storedTerm, postings] of map.atPrefix(term)) {
        seen.add(storedTerm);
        visitPostings(postings, storedTerm, visit);
      }
      const distance = fuzzyDistanceOf(term);
      if (distance === 0) return;
      for (const [storedTerm, [postings]] of map.fuzzyGet(term, distance)) {
        if (!seen.has(storedTerm)) visitPostings(postings, storedTerm, visit);
      }
    },
    compact: (moved) => {
      const emptied: string[] = [];
      map.forEach((term, postings) => {
        const kept = (typeof postings === 'number' ? [postings] : postings).map((slot) => moved[slot] ?? -1).filter((slot) => slot >= 0);
        if (kept.length === 0) emptied.push(term);
        else map.set(term, kept.length === 1 ? kept[0] as number : kept);
      });
      for (const term of emptied) map.delete(term);
    },
    toJSON: () => treeToJson(map._tree as unknown as Tree),
  };
};
