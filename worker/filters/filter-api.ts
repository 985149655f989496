/**
 * Filtered lists in the worker. One pass over the records with the store's batch reader: rows
 * of another kind, or ruled out by their clear times or links, are never decrypted; the first
 * page of matches goes to the page as soon as it is found, the whole sorted list at the end.
 */
import { milestoneOrderFor, partyOf, sortKeyOf, sortKeyed, type Keyed } from '../../core/filters/sort';
import type { Filter, Sort } from '../../core/filters/filter-schema';
import type { ListedKind, RecordId } from '../../core/records/types';
import { CANCELLED, type Cancelled } from '../contracts/cancelled';
import type { FilteredList, FirstMatches } from '../contracts/filters';
import type { ClientOf, ImplementationOf } from '../contracts/method';
import type { filterContract } from '../contracts/filters';
import { compileForRun, organisationNames, type FilterRunDeps } from './filter-context';

/** As many as a list's first page (components/locket-record-list/page-cache.ts). */
export const FIRST_MATCHES = 50;
const READ_BATCH = 1000;

/** Thrown inside a visit to stop the pass once a newer call has started. */
class Superseded extends Error {}

export type FilterImplementation = ImplementationOf<typeof filterContract>;
export type FilterWorkerApi = ClientOf<typeof filterContract>;

export type FilterApiDeps = FilterRunDeps;

export const createFilterApi = ({ store, db, clock }: FilterApiDeps): FilterImplementation => {
  let running = 0;

  const run = async (kind: ListedKind, filter: Filter, sort: Sort, onFirst: FirstMatches): Promise<FilteredList | Cancelled> => {
    const run = ++running;
    const compiled = await compileForRun(filter, { store, db, clock });
    const byOrganisation = sort.column === 'organisation' && kind !== 'organisation';
    const milestoneOrder = await milestoneOrderFor(sort, () => store.getSettings());
    const matched: Keyed[] = [];
    const parties = new Map<RecordId, RecordId | null>();
    let firstSent = false;
    await store.forEachBatch(READ_BATCH, (records) => {
      // A newer call from the page wants another list: stop reading for this one.
      if (run !== running) throw new Superseded();
      for (const record of records) {
        if (!compiled.matches(record)) continue;
        if (byOrganisation) parties.set(record.id, partyOf(record));
        matched.push({ id: record.id, key: byOrganisation ? null : sortKeyOf(record, sort.column, () => undefined, milestoneOrder) });
      }
      if (!firstSent && matched.length >= FIRST_MATCHES) {
        firstSent = true;
        onFirst(sortKeyed(matched.slice(0, FIRST_MATCHES), sort).map((row) => row.id));
      }
    }, (row) => row.kind === kind && compiled.mayMatch(row)).catch((error: unknown) => {
      if (!(error instanceof Superseded)) throw error;
    });
    if (run !== running) return CANCELLED;
    if (byOrganisation) {
      const names = await organisationNames(store, [...parties.values()].filter((id) => id !== null));
      matched.forEach(({ id }, index) => {
        const party = parties.get(id) ?? null;
        const name = party === null ? '' : (names.get(party) ?? '').trim();
        matched[index] = { id, key: name === '' ? null : name.toLocaleLowerCase() };
      });
    }
    return { ids: sortKeyed(matched, sort).map((row) => row.id) };
  };

  return { filterList: run };
};
