import type { LocketRecord } from '../../core/records/types';

/**
 * Rows of a long list, fetched a page at a time as they scroll into view, so painting
 * the first screen reads one page whatever the list's length.
 */
export interface PageCache {
  readonly row: (index: number) => LocketRecord | undefined;
  /** Loads every page that covers [first, last]; resolves true when something new arrived. */
  readonly ensure: (first: number, last: number) => Promise<boolean>;
  /**
   * Reads the pages covering `range()` afresh. The rows held stay readable until the fresh pages
   * arrive; then every page not read since is dropped at once. A reload thus redraws rows in
   * place: emptied first, any render in between would draw placeholders over them and then the
   * rows again (a 60 ms task in a side panel answering a restore). `range` is asked again at the
   * end for pages scrolled into view meanwhile. Resolves false when a later refresh won.
   */
  readonly refresh: (range: () => readonly [first: number, last: number]) => Promise<boolean>;
  /** Rows known from the top without a gap: a lower bound on the list's length before it is counted. */
  readonly knownFromTop: () => number;
}

export const PAGE_SIZE = 50;

const pagesCovering = (first: number, last: number): number[] => {
  const pages: number[] = [];
  for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last) / PAGE_SIZE); page++) pages.push(page);
  return pages;
};

export const createPageCache = (
  loadPage: (offset: number, limit: number) => Promise<readonly LocketRecord[]>,
): PageCache => {
  let pages = new Map<number, readonly LocketRecord[]>();
  /** Pages read since the latest refresh began: the only ones it keeps. */
  let fresh = new Set<number>();
  let pending = new Map<number, Promise<void>>();
  let generation = 0;

  const load = (page: number): Promise<void> => {
    const started = generation;
    const existing = pending.get(page);
    if (existing) return existing;
    const request = loadPage(page * PAGE_SIZE, PAGE_SIZE).then((rows) => {
      // A refresh begun while the page was in flight means these rows may be stale: drop them.
      if (started !== generation) return;
      pages.set(page, rows);
      fresh.add(page);
    }).finally(() => { if (started === generation) pending.delete(page); });
    pending.set(page, request);
    return request;
  };

  const ensure = async (first: number, last: number): Promise<boolean> => {
    const missing = pagesCovering(first, last).filter((page) => !pages.has(page));
    await Promise.all(missing.map(load));
    return missing.length > 0;
  };

  return {
    row: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    refresh: async (range) => {
      const started = ++generation;
      pending = new Map();
      fresh = new Set();
      await Promise.all(pagesCovering(...range()).map(load));
      if (started !== generation) return false;
      const kept = fresh;
      pages = new Map([...pages].filter(([page]) => kept.has(page)));
      await ensure(...range());
      return started === generation;
    },
    knownFromTop: () => {
      let known = 0;
      for (let page = 0; pages.has(page); page++) {
        const rows = pages.get(page)?.length ?? 0;
        known += rows;
        if (rows < PAGE_SIZE) break;
      }
      return known;
    },
  };
};
