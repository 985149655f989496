/**
 * Filtered lists answered from the columns the profile's search worker holds in memory
 * (filter-columns.ts): the same compiled filter and sort keys as the scan (filter-api.ts), so
 * the same answer, without reading or decrypting the store. The first page goes to the page as
 * soon as the matches are known, before the whole list is sorted. While the columns are not
 * ready (first build, no saved copy) the answer is `not-ready` and the page scans instead.
 */
import { firstKeyed, milestoneOrderFor, partyOf, sortKeyOf, sortKeyed, type Keyed } from '../../core/filters/sort';
import type { Filter, Sort } from '../../core/filters/filter-schema';
import type { ListedKind, RecordId } from '../../core/records/types';
import type { FilteredList, FirstMatches, NotReady } from '../contracts/filters';
import { NOT_READY } from '../contracts/filters';
import { compileForRun, organisationNames, type FilterRunDeps } from './filter-context';
import type { FilterColumns } from './filter-columns';

/** As many as a list's first page (components/locket-record-list/page-cache.ts). */
const FIRST_MATCHES = 50;

export interface FilterCacheDeps extends FilterRunDeps {
  /** The columns once they hold every change committed so far; null while they are not ready. */
  readonly currentColumns: () => Promise<FilterColumns | null>;
}

export interface FilterCacheApi {
  readonly filterCached: (kind: ListedKind, filter: Filter, sort: Sort, onFirst: FirstMatches) => Promise<FilteredList | NotReady>;
}

/** The name an organisation sort reads: held organisations from the columns, any other (trashed) by id from the store. */
const partyNames = async (deps: FilterRunDeps, columns: FilterColumns, parties: Iterable<RecordId>): Promise<(id: RecordId) => string | undefined> => {
  const held = new Map<RecordId, string>();
  const missing: RecordId[] = [];
  for (const id of parties) {
    const organisation = columns.get(id);
    if (organisation?.kind === 'organisation') held.set(id, organisation.fields.name || organisation.fields.domain);
    else missing.push(id);
  }
  const read = missing.length === 0 ? new Map<RecordId, string>() : await organisationNames(deps.store, missing);
  return (id) => held.get(id) ?? read.get(id);
};

export const createFilterCacheApi = (deps: FilterCacheDeps): FilterCacheApi => ({
  filterCached: async (kind, filter, sort, onFirst) => {
    const columns = await deps.currentColumns();
    if (!columns) return NOT_READY;
    // Last activity from the columns (last contacted, else the record's own last change), as the scan's pass gives it.
    const compiled = await compileForRun(filter, deps, (record) => columns.lastContacted(record.id) ?? record.updatedAt);
    const matches = [...columns.ofKind(kind)].filter((record) => compiled.matches(record));
    const byOrganisation = sort.column === 'organisation' && kind !== 'organisation';
    const names = byOrganisation
      ? await partyNames(deps, columns, matches.map(partyOf).filter((id) => id !== null))
      : () => undefined;
    const milestoneOrder = await milestoneOrderFor(sort, () => deps.store.getSettings());
    const keyed: Keyed[] = matches.map((record) => ({ id: record.id, key: sortKeyOf(record, sort.column, names, milestoneOrder) }));
    if (keyed.length >= FIRST_MATCHES) onFirst(firstKeyed(keyed, sort, FIRST_MATCHES).map((row) => row.id));
    return { ids: sortKeyed(keyed, sort).map((row) => row.id) };
  },
});
