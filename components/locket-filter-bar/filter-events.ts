import type { Filter, SavedList, Sort } from '../../core/filters/filter-schema';

/**
 * What a filtered list says upward: its filter or sort changed (the list re-reads, and "select
 * all N matching" can take the filter from here), or it was saved under a name.
 */
export interface FilterEventMap {
  'locket-filter-change': CustomEvent<{ readonly filter: Filter; readonly sort: Sort }>;
  'locket-list-saved': CustomEvent<{ readonly list: SavedList }>;
}

export const filterEvent = <N extends keyof FilterEventMap>(name: N, detail: FilterEventMap[N]['detail']): FilterEventMap[N] =>
  new CustomEvent(name, { detail, bubbles: true, composed: true }) as FilterEventMap[N];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FilterEventMap {}
}
