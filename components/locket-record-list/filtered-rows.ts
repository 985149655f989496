/**
 * A record list's filtered mode: the worker finds the matching ids (the first page as soon as it
 * has them, then all of them in order), and the list reads the rows in view by id. A plain list
 * (no filter, newest first) never comes here and reads its pages from the store's index.
 */
import { DEFAULT_SORT, type Filter, type Sort } from '../../core/filters/filter-schema';
import { createSavedLists } from '../../core/filters/saved-lists';
import type { ListedKind, LocketRecord, RecordId } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { isCancelled } from '../../worker/contracts/cancelled';

export interface FilteredListHost {
  readonly services: LocketServices;
  readonly kind: ListedKind;
  filter: Filter;
  sort: Sort;
  readonly listId: string;
}

const isDefaultSort = (sort: Sort): boolean => sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction;

export const createFilteredRows = (host: FilteredListHost, shown: (total: number, counted: boolean) => Promise<void>) => {
  let ids: readonly RecordId[] = [];
  let runs = 0;
  let active = false;
  const views = () => createSavedLists({ settings: host.services.store, newId: () => crypto.randomUUID() });

  return {
    get active(): boolean { return active; },
    /** A filter, or a sort other than newest first, needs the worker. */
    wanted: (): boolean => host.services.filters !== undefined && (host.filter.conditions.length > 0 || !isDefaultSort(host.sort)),
    stop: (): void => { runs++; active = false; },
    reload: async (): Promise<void> => {
      const run = ++runs;
      const filters = host.services.filters;
      if (!filters) return;
      active = true;
      let final = false;
      const result = await filters.filterList(host.kind, host.filter, host.sort, (first) => {
        if (run !== runs || final) return;
        ids = first;
        void shown(first.length, false);
      });
      if (run !== runs || isCancelled(result)) return;
      final = true;
      ids = result.ids;
      await shown(ids.length, true);
    },
    page: async (offset: number, limit: number): Promise<LocketRecord[]> => host.services.store.getMany(ids.slice(offset, offset + limit)),
    /** The ids of every match, in order: what "select all N matching" acts on. */
    matchingIds: (): readonly RecordId[] => ids,
    /** The filter bar's choice; a plain kind's list remembers its sort (saved lists keep their own). */
    apply: ({ filter, sort }: { readonly filter: Filter; readonly sort: Sort }): void => {
      const sorted = sort.column !== host.sort.column || sort.direction !== host.sort.direction;
      host.filter = filter;
      host.sort = sort;
      // A member whose role may not change settings is refused: the sort then holds for this visit only.
      if (sorted && host.listId === '') views().rememberView(host.kind, { sort, columns: isDefaultSort(sort) ? [] : [sort.column] }).catch(() => undefined);
    },
    /** Takes up the kind's remembered sort, once read, unless the list moved on meanwhile. */
    rememberedSort: async (): Promise<void> => {
      const kind = host.kind;
      // Settings that cannot be read leave the list newest first, as before sorting existed.
      const view = await views().view(kind).catch(() => null);
      if (!view || host.kind !== kind || host.listId !== '' || isDefaultSort(view.sort)) return;
      host.sort = view.sort;
    },
  };
};
