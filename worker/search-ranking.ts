/**
 * How well one stored term answers one query term: the exact word is worth most, a
 * completion less the more it adds ("ann" → "ann" 1, "anna" 0.6, "annabel" ≈ 0.34), and
 * a near miss (a typo) less than a short completion.
 */
export const matchWeight = (queryTerm: string, storedTerm: string): number => {
  if (storedTerm === queryTerm) return 1;
  if (storedTerm.startsWith(queryTerm)) return (0.8 * queryTerm.length) / storedTerm.length;
  return 0.4;
};

/**
 * The `limit` best of `candidates` by `score` (higher first), ties broken by `tieOrder`.
 * A bounded heap, so a query that matches most of the index never sorts all of it.
 */
export const topK = <T>(
  candidates: readonly T[],
  limit: number,
  score: (candidate: T) => number,
  tieOrder: (a: T, b: T) => number,
): T[] => {
  // `worse(a, b)` is true when a ranks below b; the heap keeps its worst at the root.
  const worse = (a: T, b: T): boolean => {
    const difference = score(a) - score(b);
    return difference !== 0 ? difference < 0 : tieOrder(a, b) > 0;
  };
  const heap: T[] = [];
  // Only ever called with an index inside the heap.
  const at = (i: number): T => {
    const value = heap[i];
    if (value === undefined) throw new RangeError(`No heap entry at ${i}`);
    return value;
  };
  const swap = (i: number, j: number): void => {
    const held = at(i);
    heap[i] = at(j);
    heap[j] = held;
  };
  const siftUp = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(at(i), at(parent))) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(at(left), at(worst))) worst = left;
      if (right < heap.length && worse(at(right), at(worst))) worst = right;
      if (worst === i) return;
      swap(i, worst);
      i = worst;
    }
  };
  if (limit <= 0) return [];
  for (const candidate of candidates) {
    if (heap.length < limit) {
      heap.push(candidate);
      siftUp(heap.length - 1);
    } else if (worse(at(0), candidate)) {
      heap[0] = candidate;
      siftDown();
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
};
