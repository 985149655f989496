import { matchWeight, topK } from './search-ranking';

/**
 * Scores (record slot, stored term) matches for one search, clause by clause: a record's
 * score in a clause is its best match there, its total the sum over clauses, and a record
 * stays a candidate only while it has matched every clause so far. Typed arrays indexed by
 * slot and stamped per search, so nothing is cleared or allocated per match.
 */
export interface MatchCollector {
  /** Starts a search over slots below `capacity`. */
  readonly begin: (capacity: number) => void;
  readonly beginClause: () => void;
  /** `accepts` is asked once per record, on its first match (the kinds filter). */
  readonly match: (
    slot: number, queryTerm: string, storedTerm: string, boost: number, accepts: (slot: number) => boolean,
  ) => void;
  /** Ends a clause; returns how many records have matched every clause so far. */
  readonly endClause: () => number;
  /** The best `limit` records that matched every clause, best first, with their scores. */
  readonly best: (limit: number, tieOrder: (a: number, b: number) => number) => ScoredSlot[];
}

export interface ScoredSlot {
  readonly slot: number;
  readonly score: number;
}

/** Marks a record the kinds filter refused, so later matches skip it at once. */
const REFUSED = 0xffff;
const MAX_STAMP = 0xffffffff;

export const createMatchCollector = (): MatchCollector => {
  let searchStamp = new Uint32Array(0);
  let clauseStamp = new Uint32Array(0);
  let clausesMatched = new Uint16Array(0);
  let total = new Float64Array(0);
  let clauseBest = new Float64Array(0);
  let search = 0;
  let clause = 0;
  let clauseIndex = 0;
  let touched: number[] = [];
  let survivors: number[] = [];

  const grow = (capacity: number): void => {
    if (capacity <= searchStamp.length) return;
    let size = Math.max(1024, searchStamp.length);
    while (size < capacity) size *= 2;
    // Fresh arrays hold stamp 0, which no live search or clause uses.
    searchStamp = new Uint32Array(size);
    clauseStamp = new Uint32Array(size);
    clausesMatched = new Uint16Array(size);
    total = new Float64Array(size);
    clauseBest = new Float64Array(size);
  };

  const nextStamp = (stamp: number, stamps: Uint32Array): number => {
    if (stamp < MAX_STAMP) return stamp + 1;
    stamps.fill(0);
    return 1;
  };

  return {
    begin: (capacity) => {
      grow(capacity);
      search = nextStamp(search, searchStamp);
      clauseIndex = 0;
      survivors = [];
    },
    beginClause: () => {
      clause = nextStamp(clause, clauseStamp);
      touched = [];
    },
    match: (slot, queryTerm, storedTerm, boost, accepts) => {
      if (slot >= searchStamp.length) return;
      if (searchStamp[slot] !== search) {
        // A record first seen after the first clause cannot match every clause.
        searchStamp[slot] = search;
        clausesMatched[slot] = clauseIndex === 0 && accepts(slot) ? 0 : REFUSED;
      }
      if (clausesMatched[slot] !== clauseIndex) return;
      const weight = matchWeight(queryTerm, storedTerm) * boost;
      if (clauseStamp[slot] !== clause) {
        clauseStamp[slot] = clause;
        clauseBest[slot] = weight;
        touched.push(slot);
      } else if (weight > (clauseBest[slot] ?? 0)) {
        clauseBest[slot] = weight;
      }
    },
    endClause: () => {
      for (const slot of touched) {
        total[slot] = (clauseIndex === 0 ? 0 : total[slot] ?? 0) + (clauseBest[slot] ?? 0);
        clausesMatched[slot] = clauseIndex + 1;
      }
      clauseIndex += 1;
      survivors = touched;
      return survivors.length;
    },
    best: (limit, tieOrder) => {
      const scoreOf = (slot: number): number => total[slot] ?? 0;
      return topK(survivors, limit, scoreOf, tieOrder).map((slot) => ({ slot, score: scoreOf(slot) }));
    },
  };
};
