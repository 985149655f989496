/**
 * Where a page's filtered list is answered: by the profile's search worker from the columns it
 * holds in memory, or, while those are not ready, by the page's own worker's scan. Both give the
 * same list (test/unit/filters/filter-cache.test.ts); only the time differs.
 */
import type { ClientOf } from '../contracts/method';
import { isNotReady, type filterCacheContract, type filterContract } from '../contracts/filters';

export const routeFilters = (
  cached: ClientOf<typeof filterCacheContract>, scan: ClientOf<typeof filterContract>,
): ClientOf<typeof filterContract> => ({
  filterList: async (kind, filter, sort, onFirst) => {
    const answer = await cached.filterCached(kind, filter, sort, onFirst);
    return isNotReady(answer) ? scan.filterList(kind, filter, sort, onFirst) : answer;
  },
});
