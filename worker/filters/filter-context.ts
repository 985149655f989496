/**
 * What a filter run needs besides the records, shared by the scan (filter-api.ts) and the run
 * over the search worker's columns (filter-cache-api.ts), so both compile the same filter the
 * same way; and the organisation names an organisation sort reads.
 */
import type { Clock } from '../../core/clock';
import type { LocketDatabase } from '../../core/db/schema';
import { lastImportIds } from '../../core/filters/last-import';
import { compileFilter, type CompiledFilter } from '../../core/filters/match';
import type { Filter } from '../../core/filters/filter-schema';
import type { LocketRecord, RecordId } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';
import { lastActivityLookup } from './last-activity';

export interface FilterRunDeps {
  readonly store: Pick<LocketStore, 'forEachBatch' | 'getMany' | 'listImports' | 'getSettings'>;
  readonly db: LocketDatabase;
  readonly clock: Clock;
}

/**
 * The filter compiled against the clock's now, the newest import and (only when asked) last
 * activity: from `lastActivityOf` where the caller holds it (the search worker's columns), else
 * from a pass over conversations and tasks.
 */
export const compileForRun = async (
  filter: Filter, { store, db, clock }: FilterRunDeps, lastActivityOf?: (record: LocketRecord) => number,
): Promise<CompiledFilter> => {
  const usesImport = filter.conditions.some((condition) => condition.field === 'import');
  const usesLastActivity = filter.conditions.some((condition) => condition.field === 'last-activity');
  return compileFilter(filter, {
    now: clock.now(),
    lastImportIds: usesImport ? await lastImportIds(db, store.listImports) : new Set(),
    // Logged conversations and done tasks, else the record's own last change.
    ...(usesLastActivity ? { lastActivityOf: lastActivityOf ?? await lastActivityLookup(store) } : {}),
  });
};

/** Organisation names for the parties the matches point at, read by id (a trashed organisation's too). */
export const organisationNames = async (store: FilterRunDeps['store'], parties: Iterable<RecordId>): Promise<Map<RecordId, string>> => {
  const names = new Map<RecordId, string>();
  for (const record of await store.getMany([...new Set(parties)])) {
    if (record.kind === 'organisation') names.set(record.id, record.fields.name || record.fields.domain);
  }
  return names;
};
