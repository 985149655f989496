import type { LocketRecord } from '../../core/records/types';

/**
 * Rows of a long list, fetched a page at a time as they scroll into view, so painting
 * the first screen reads one page whatever the list's length.
 */
export interface PageCache {
  readonly row: (index: number) => LocketRecord | undefined;
  /** Loads every page that covers [first, last]; resolves true when something new arrived. */
  readonly ensure: (first: number, last: number) => Promise<boolean>;
  readonly clear: () => void;
  /** Rows known from the top without a gap: a lower bound on the list's length before it is counted. */
  readonly knownFromTop: () => number;
}

export const PAGE_SIZE = 50;

export const createPageCache = (
  loadPage: (offset: number, limit: number) => Promise<readonly LocketRecord[]>,
): PageCache => {
  let pages = new Map<number, readonly LocketRecord[]>();
  let pending = new Map<number, Promise<void>>();
  let generation = 0;

  const load = (page: number): Promise<void> => {
    const started = generation;
    const existing = pending.get(page);
    if (existing) return existing;
    const request = loadPage(page * PAGE_SIZE, PAGE_SIZE).then((rows) => {
      // A clear() while the page was in flight means these rows may be stale: drop them.
      if (started === generation) pages.set(page, rows);
    }).finally(() => { if (started === generation) pending.delete(page); });
    pending.set(page, request);
    return request;
  };

  return {
    row: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure: async (first, last) => {
      const missing: number[] = [];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last) / PAGE_SIZE); page++) {
        if (!pages.has(page)) missing.push(page);
      }
      await Promise.all(missing.map(load));
      return missing.length > 0;
    },
    clear: () => { generation++; pages = new Map(); pending = new Map(); },
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
