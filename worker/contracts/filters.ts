/** Filtered and sorted lists: the worker reads every record of a kind, decrypting only what the clear row cannot rule out. */
import * as v from 'valibot';
import { FilterSchema, SortSchema } from '../../core/filters/filter-schema';
import { LISTED_KINDS, type RecordId } from '../../core/records/types';
import type { Cancelled } from './cancelled';
import { method, progress, returns } from './method';

/** The first matches found, before the count: the page paints them while the scan goes on. */
export type FirstMatches = (ids: readonly RecordId[]) => void;
/** A callback from the page; it arrives as a comlink proxy, which is a function too. */
const FirstMatchesSchema = progress(v.custom<FirstMatches>((input) => typeof input === 'function', 'First matches must be a function.'));

export interface FilteredList {
  /** Every match, in the sort's order: its length is the exact count. */
  readonly ids: readonly RecordId[];
}

/** The search worker's columns are not ready yet (first build, no saved copy): the page scans instead. */
export interface NotReady { readonly type: 'not-ready' }
export const NOT_READY: NotReady = { type: 'not-ready' };
export const isNotReady = (value: unknown): value is NotReady =>
  typeof value === 'object' && value !== null && 'type' in value && value.type === 'not-ready';

const filterArgs = [v.picklist(LISTED_KINDS), FilterSchema, SortSchema, FirstMatchesSchema] as const;

export const filterContract = {
  /**
   * The live records of a kind that match the filter, in the sort's order. `onFirst` gets the
   * first page found as soon as it is (sorted among themselves), unless the scan ends first.
   * A later call on the same worker supersedes a running one, which answers `cancelled`.
   */
  filterList: method({
    args: filterArgs,
    result: returns<FilteredList | Cancelled>(),
  }),
};

/** The same list from the profile's search worker, out of the columns it holds in memory. */
export const filterCacheContract = {
  /** As `filterList`, answered from memory (worker/filters/filter-cache-api.ts); `not-ready` until the columns are. */
  filterCached: method({
    args: filterArgs,
    result: returns<FilteredList | NotReady>(),
  }),
};
