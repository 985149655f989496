/**
 * A field group's terms frozen into a sorted table (search-terms.ts keeps new terms in a radix
 * tree beside it until they are merged in): every term in one string, where each starts in one
 * Uint32Array, and every term's slots in one Int32Array. A radix tree holds a Map per term;
 * this holds a few bytes per term beside its characters.
 *
 * Invariants: terms are unique and sorted by UTF-16 code units; a term's slots ascend; no term
 * holds a line feed (terms are cut at white space, search-tokens.ts), so the saved copy joins
 * them with one.
 */

/** The saved form: terms joined by line feeds; per term its slot count; the slots, each term's as gaps from the one before. */
export interface TermTableJson {
  readonly terms: string;
  readonly counts: number[];
  readonly slots: number[];
}

export interface TermTable {
  readonly size: number;
  readonly termAt: (at: number) => string;
  readonly slotsAt: (at: number) => Int32Array;
  /** Calls `visit` for every slot of every term that starts with `prefix`. */
  readonly visitPrefix: (prefix: string, visit: (slot: number, term: string) => void) => void;
  /** Calls `visit` for every slot of every term within `distance` edits (Levenshtein) of `query`. */
  readonly visitFuzzy: (query: string, distance: number, skip: (term: string) => boolean, visit: (slot: number, term: string) => void) => void;
  readonly toJSON: () => TermTableJson;
}

/** Builds a table from entries sorted by term, terms unique. */
export const createTermTable = (entries: readonly (readonly [string, ArrayLike<number>])[]): TermTable => {
  const starts = new Uint32Array(entries.length + 1);
  const postingStarts = new Uint32Array(entries.length + 1);
  let chars = 0;
  let postings = 0;
  entries.forEach(([term, slots], at) => {
    chars += term.length;
    postings += slots.length;
    starts[at + 1] = chars;
    postingStarts[at + 1] = postings;
  });
  const all = new Int32Array(postings);
  entries.forEach(([, slots], at) => { all.set(Array.from(slots), postingStarts[at] ?? 0); });
  return tableOf(entries.map(([term]) => term).join(''), starts, postingStarts, all);
};

export const termTableFromJson = (json: TermTableJson): TermTable => {
  const terms = json.terms === '' ? [] : json.terms.split('\n');
  const starts = new Uint32Array(terms.length + 1);
  const postingStarts = new Uint32Array(terms.length + 1);
  let chars = 0;
  let postings = 0;
  terms.forEach((term, at) => {
    chars += term.length;
    postings += json.counts[at] ?? 0;
    starts[at + 1] = chars;
    postingStarts[at + 1] = postings;
  });
  const slots = new Int32Array(postings);
  for (let at = 0; at < terms.length; at++) {
    let slot = 0;
    for (let p = postingStarts[at] ?? 0; p < (postingStarts[at + 1] ?? 0); p++) { slot += json.slots[p] ?? 0; slots[p] = slot; }
  }
  return tableOf(terms.join(''), starts, postingStarts, slots);
};

const tableOf = (text: string, starts: Uint32Array, postingStarts: Uint32Array, slots: Int32Array): TermTable => {
  const size = starts.length - 1;
  const startOf = (at: number): number => starts[at] ?? 0;
  const endOf = (at: number): number => starts[at + 1] ?? 0;
  const termAt = (at: number): string => text.slice(startOf(at), endOf(at));
  const slotsAt = (at: number): Int32Array => slots.subarray(postingStarts[at] ?? 0, postingStarts[at + 1] ?? 0);
  const visitTerm = (at: number, visit: (slot: number, term: string) => void): void => {
    const term = termAt(at);
    for (const slot of slotsAt(at)) visit(slot, term);
  };

  /** Compares the term's first `length` code units with `key`'s (`length` ≤ key's length): <0, 0 or >0. */
  const comparePrefix = (at: number, key: string, length: number): number => {
    const start = startOf(at);
    const termLength = endOf(at) - start;
    for (let i = 0; i < length; i++) {
      if (i >= termLength) return -1;
      const difference = text.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  /** The first term at or after `from` whose first `length` units are not below `key`'s (or, `past`, above them). */
  const bound = (key: string, length: number, from: number, past: boolean): number => {
    let low = from;
    let high = size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = comparePrefix(middle, key, length);
      if (order < 0 || (past && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const visitPrefix = (prefix: string, visit: (slot: number, term: string) => void): void => {
    const end = bound(prefix, prefix.length, 0, true);
    for (let at = bound(prefix, prefix.length, 0, false); at < end; at++) visitTerm(at, visit);
  };

  // The radix tree's walk (minisearch's fuzzyGet) over sorted terms: one row of the edit matrix
  // per character of the path; rows shared with the term before are kept, and a row already
  // past `distance` everywhere skips every term on that path at once.
  const visitFuzzy = (query: string, distance: number, skip: (term: string) => boolean, visit: (slot: number, term: string) => void): void => {
    const columns = query.length + 1;
    const maxDepth = query.length + distance + 1;
    const rows = new Int32Array((maxDepth + 1) * columns);
    for (let j = 0; j < columns; j++) rows[j] = j;
    const path = new Uint16Array(maxDepth);
    let valid = 0;
    let at = 0;
    while (at < size) {
      const start = startOf(at);
      const length = endOf(at) - start;
      let depth = 0;
      while (depth < valid && depth < length && path[depth] === text.charCodeAt(start + depth)) depth++;
      let pruned = -1;
      for (; depth < length; depth++) {
        if (depth + 1 > maxDepth) { pruned = depth; break; }
        const char = text.charCodeAt(start + depth);
        path[depth] = char;
        const previous = depth * columns;
        const row = previous + columns;
        rows[row] = depth + 1;
        let least = depth + 1;
        for (let j = 1; j < columns; j++) {
          const cost = Math.min((rows[previous + j - 1] ?? 0) + (char === query.charCodeAt(j - 1) ? 0 : 1), (rows[previous + j] ?? 0) + 1, (rows[row + j - 1] ?? 0) + 1);
          rows[row + j] = cost;
          if (cost < least) least = cost;
        }
        if (least > distance) { pruned = depth + 1; break; }
      }
      if (pruned >= 0) {
        // Every later term on this path goes too: jump past them.
        valid = pruned - 1;
        at = bound(text.slice(start, start + pruned), pruned, at + 1, true);
        continue;
      }
      valid = length;
      if ((rows[length * columns + columns - 1] ?? distance + 1) <= distance && !skip(termAt(at))) visitTerm(at, visit);
      at++;
    }
  };

  return {
    size, termAt, slotsAt, visitPrefix, visitFuzzy,
    toJSON: () => {
      const counts: number[] = [];
      const gaps: number[] = [];
      const terms: string[] = [];
      for (let at = 0; at < size; at++) {
        terms.push(termAt(at));
        let before = 0;
        for (const slot of slotsAt(at)) { gaps.push(slot - before); before = slot; }
        counts.push(slotsAt(at).length);
      }
      return { terms: terms.join('\n'), counts, slots: gaps };
    },
  };
};
