import * as v from 'valibot';
import { filterCacheContract } from './contracts/filters';
import { searchQueryContract } from './contracts/search';
import { method, returnsNothing, type ClientOf } from './contracts/method';

/** Names a Web Lock the page holds while it uses the search worker; the worker hears the page go when it is freed. */
export const SEARCH_LEASE_PREFIX = 'locket-search-lease-';

/**
 * The profile's one search worker, shared by every open page (search.worker.ts). Search
 * calls wait until some page has opened it; the index, the filter columns held beside it and
 * the key are dropped when the last page's lease ends (locked, closed, or moved to a new key).
 */
export const searchWorkerContract = {
  /**
   * Hands over the unlocked account key and the page's lease. The same key again changes
   * nothing; a new key (the account key moved) reopens everything on it.
   */
  open: method({
    args: [
      v.pipe(v.instance(Uint8Array), v.length(32, 'The account key must be 32 bytes.')),
      v.pipe(v.string(), v.startsWith(SEARCH_LEASE_PREFIX), v.maxLength(100)),
    ],
    result: returnsNothing(),
    waitsForOpen: false,
  }),
  ...searchQueryContract,
  ...filterCacheContract,
};

export type SearchWorkerRemote = ClientOf<typeof searchWorkerContract>;
