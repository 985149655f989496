import type { RecordId } from '../core/records/types';
import { createFilterColumns, type FilterColumns } from './filters/filter-columns';
import { createSearchIndex, type SearchIndex } from './search-index';
import type { LogPosition, SearchLog } from './search-log';
import type { SearchIndexShelf } from './search-shelf';

/** A saved index and its columns, caught up with the change log and with every live record. */
export interface LoadedFromShelf {
  readonly index: SearchIndex;
  readonly columns: FilterColumns;
  readonly position: LogPosition;
  /** The unlogged mark (core/db/unlogged-mark.ts) read before the loaded index was known to hold exactly the live records. */
  readonly verified: string | null;
  /** Changed in the log since the save, or live and missing: to read before the index is current. */
  readonly reread: readonly RecordId[];
  /** How many saved records were no longer live, and were dropped. */
  readonly dropped: number;
}

/** Ids held by the index or the columns but not live, then ids live but missing from either. */
export const differentFrom = (index: SearchIndex, columns: FilterColumns, live: ReadonlySet<RecordId>): RecordId[] => [
  ...[...new Set([...index.ids(), ...columns.ids()])].filter((id) => !live.has(id)),
  ...[...live].filter((id) => !index.has(id) || !columns.has(id)),
];

/**
 * The saved index caught up with the log; null when there is none, it cannot be read, or the
 * log can no longer tell what it missed (then it must be built).
 *
 * Purges and erasures leave no readable ids in the log: the live ids show what they took. They
 * are read only when the unlogged mark moved since the save (a second and more at 100k), and
 * then asked for once the sealed copy is read, so the database reads them while the copy is
 * opened (it answers one request after the other: asked together, the copy would wait behind
 * them). The mark is read before the ids, and both before the log: a record purged since is
 * announced (the caller's purgedEarly), one created since is in the log.
 */
export const loadFromShelf = async ({ shelf, log }: { readonly shelf: SearchIndexShelf; readonly log: SearchLog }): Promise<LoadedFromShelf | null> => {
  const markNow = log.unloggedMark();
  markNow.catch(() => undefined);
  const asked: { mark?: string | null; live?: Promise<RecordId[]> | null } = {};
  const found = await shelf.load(async (savedMark) => {
    asked.mark = await markNow;
    asked.live = asked.mark !== null && asked.mark === savedMark ? null : log.liveIds();
    asked.live?.catch(() => undefined);
  });
  if (!found || asked.live === undefined) return null;
  // Made before the log is read: its read waits behind the live ids' in the database.
  const index = createSearchIndex(found.index);
  const columns = createFilterColumns(found.columns);
  const caught = await log.changedSince(found.position);
  if (!caught) return null;
  const reread = new Set(caught.ids);
  let dropped = 0;
  const liveIds = asked.live === null ? null : await asked.live;
  if (liveIds !== null) {
    const live = new Set(liveIds);
    for (const id of differentFrom(index, columns, live)) {
      if (live.has(id)) {
        reread.add(id);
        continue;
      }
      index.remove(id);
      columns.remove(id);
      dropped += 1;
    }
  }
  return { index, columns, position: caught.position, verified: asked.mark ?? null, reread: [...reread], dropped };
};
