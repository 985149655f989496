import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { createTermMap } from '../../../worker/search-terms';
import { termTableFromJson } from '../../../worker/search-term-table';

/** What a term map finds for a query: each stored term with its slots, in a fixed order. */
const found = (visitAll: (visit: (slot: number, term: string) => void) => void): string[] => {
  const hits = new Map<string, Set<number>>();
  visitAll((slot, term) => { hits.set(term, (hits.get(term) ?? new Set()).add(slot)); });
  return [...hits].map(([term, slots]) => `${term}:${[...slots].sort((a, b) => a - b).join(',')}`).sort();
};

/** The radix tree alone, as search-terms.ts held every term before: what the table must still answer. */
const treeAnswer = (added: readonly (readonly [string, number])[], query: string, distance: number): string[] => {
  const tree = new SearchableMap<number[]>();
  for (const [term, slot] of added) tree.update(term, (slots = []) => [...slots, slot]);
  return found((visit) => {
    for (const [term, slots] of tree.atPrefix(query)) for (const slot of slots) visit(slot, term);
    if (distance > 0) for (const [term, [slots]] of tree.fuzzyGet(query, distance)) for (const slot of slots) visit(slot, term);
  });
};

const letters = fc.constantFrom('a', 'b', 'n', 'e', 'ä', 'ß', '1', '-', '.');
const word = fc.array(letters, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));

describe('the frozen term table', () => {
  it('finds the same terms and slots by prefix and by one typo as the radix tree, frozen, saved or not', () => {
    fc.assert(fc.property(
      // Records take slots in order, as the index hands them out.
      fc.array(fc.tuple(word, fc.nat(60)), { maxLength: 120 }).map((added) => [...added].sort((a, b) => a[1] - b[1])), fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(120),
      (added, queries, frozenAfter) => {
        const terms = createTermMap();
        added.forEach(([term, slot], at) => {
          terms.add(term, slot);
          // Part frozen, part still in the tree: both halves answer together.
          if (at === frozenAfter) terms.freeze();
        });
        const saved = createTermMap(JSON.parse(JSON.stringify(createTermMapCopy(added).toJSON())));
        for (const query of queries) {
          const distance = query.length >= 4 && !/\d/u.test(query) ? 1 : 0;
          const expected = treeAnswer(added, query, distance);
          expect(found((visit) => { terms.visit(query, visit); }), query).toEqual(expected);
          expect(found((visit) => { saved.visit(query, visit); }), query).toEqual(expected);
        }
      },
    ), { numRuns: 300 });
  });

  it('walks no term twice and skips a whole path once it is past one typo', () => {
    const table = termTableFromJson({ terms: ['anna', 'annabel', 'anne', 'bernd', 'berta', 'zz'].join('\n'), counts: [1, 1, 2, 1, 1, 1], slots: [0, 1, 2, 3, 4, 5, 6] });
    const visited: string[] = [];
    table.visitFuzzy('anne', 1, () => false, (slot, term) => { visited.push(`${term}:${slot}`); });
    expect(visited).toEqual(['anna:0', 'anne:2', 'anne:5']);
  });
});

const createTermMapCopy = (added: readonly (readonly [string, number])[]) => {
  const terms = createTermMap();
  for (const [term, slot] of added) terms.add(term, slot);
  return terms;
};
