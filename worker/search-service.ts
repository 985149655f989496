import { systemClock, type Clock } from '../core/clock';
import type { ChangeBus } from '../core/db/change-bus';
import type { RecordReads } from '../core/record-store/contract';
import type { RecordId } from '../core/records/types';
import type { IndexStatus, SearchImplementation } from './contract';
import { createLastContactedMap } from '../core/timeline/last-contacted';
import { columnsTake } from './filters/contacted-columns';
import { createFilterColumns, type FilterColumns } from './filters/filter-columns';
import { createSearchIndex, type SearchIndex } from './search-index';
import type { LogPosition, SearchLog } from './search-log';
import { createScanQueue } from './search-scan';
import { differentFrom, loadFromShelf } from './search-saved-load';
import type { SearchIndexShelf } from './search-shelf';

export interface SearchServiceDeps {
  /** `linkedTo` reads last contacted again for the filter columns when a change moves it. */
  readonly records: Pick<RecordReads, 'forEachBatch' | 'getMany' | 'linkedTo'>;
  /** Must deliver every committed change, including those of the context it runs in. */
  readonly bus: Pick<ChangeBus, 'subscribe'>;
  /** The saved index and the change log it catches up from; without them every start builds. */
  readonly saved?: { readonly shelf: SearchIndexShelf; readonly log: SearchLog } | null;
  /** Times the build; the system clock unless a test moves time by hand. */
  readonly clock?: Clock;
  /** How long the index waits after a change before it is saved again. */
  readonly saveDelayMs?: number;
}

export interface SearchService extends SearchImplementation {
  /** Stops listening and saving; the saved index stays for the next unlock. */
  readonly close: () => void;
  /**
   * What filters read of every live listed record, once it holds every change committed before
   * the call (caught up from the change log, so a page's own write is in even when its
   * announcement has not arrived yet); null while the index is not ready, or when the log
   * cannot tell what changed.
   */
  readonly currentColumns: () => Promise<FilterColumns | null>;
}

const BATCH_SIZE = 1000;
const SAVE_DELAY_MS = 30_000;

/** Removes and returns up to `count` of the set's entries, oldest first. */
const takeSome = <T>(set: Set<T>, count: number): T[] => {
  const taken: T[] = [];
  for (const entry of set) {
    if (taken.length >= count) break;
    taken.push(entry);
  }
  for (const entry of taken) set.delete(entry);
  return taken;
};


/**
 * The search index of one profile: loaded from where it was saved and caught up from the
 * change log, or built from every record when there is none (or it cannot be read); kept
 * current from the change bus; saved again, sealed, a while after changes. Until an index
 * is ready, searches scan the records, with the same answers, slower.
 */
export const createSearchService = ({
  records, bus, saved = null, clock = systemClock, saveDelayMs = SAVE_DELAY_MS,
}: SearchServiceDeps): SearchService => {
  let index: SearchIndex = createSearchIndex();
  // Built, loaded, caught up, saved and cleared with the index: the two always hold the same records.
  let columns: FilterColumns = createFilterColumns();
  let state: IndexStatus['state'] = 'building';
  let origin: IndexStatus['origin'] = 'built';
  let buildMs = 0;
  /** Where the change log stood when the index last held every change; null before that is known. */
  let position: LogPosition | null = null;
  /** Ids announced as changed and not yet re-read. Filled while loading, drained once ready. */
  const pending = new Set<RecordId>();
  let draining: Promise<void> | null = null;
  /**
   * The unlogged mark (core/db/unlogged-mark.ts) read before the index was last known to hold
   * every live record and no other: a removal the log cannot tell of has moved it since.
   */
  let verified: string | null = null;
  /** Ids purged before the index was ready: taken out of whatever index it turns out to be. */
  const purgedEarly = new Set<RecordId>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const scans = createScanQueue(records);

  // Work cut off by close (the database closing under it) is no failure.
  const reportFailure = (what: string) => (error: unknown): void => {
    if (!closed) console.error(`Search index: ${what} failed`, error);
  };

  const status = (): IndexStatus => ({ state, indexed: index.size(), buildMs, origin });

  const refresh = async (ids: readonly RecordId[]): Promise<void> => {
    const found = await records.getMany(ids);
    const seen = new Set(found.map((record) => record.id));
    const vanished = ids.filter((id) => !seen.has(id) && (index.has(id) || columns.has(id)));
    index.upsertMany(found);
    for (const id of vanished) index.remove(id);
    // With last contacted read again where the change may move it.
    await columnsTake(columns, records, found, vanished);
    // Gone for good (an erasure announces no purge): the saved copy must not keep them either.
    if (vanished.length > 0) forgetSaved();
  };

  // One drain at a time, so an older read can never land after a newer one; a caller that
  // comes while one runs waits for it (it takes up what was added meanwhile).
  const drainAll = async (): Promise<void> => {
    while (pending.size > 0) {
      const ids = takeSome(pending, BATCH_SIZE);
      try {
        await refresh(ids);
      } catch (error) {
        // Kept for the next announcement to retry rather than silently dropped.
        for (const id of ids) pending.add(id);
        throw error;
      }
    }
  };
  const drain = (): Promise<void> => {
    // Cleared once settled (a later turn), never before it is set, even when nothing was pending.
    draining ??= drainAll().finally(() => { draining = null; });
    return draining;
  };

  /**
   * Saves the index with the log position it holds every change up to (read before the records
   * it re-reads), and the unlogged mark read before it last held exactly the live records: when
   * the mark moved since, every id that is live but missing, or held but not live, is re-read
   * first (re-read, not dropped: a record created since the ids were read is in the index).
   */
  const save = async (): Promise<void> => {
    if (!saved || state !== 'ready' || position === null || closed) return;
    const mark = await saved.log.startedUnloggedMark();
    if (mark !== verified) {
      for (const id of differentFrom(index, columns, new Set(await saved.log.liveIds()))) pending.add(id);
      verified = mark;
    }
    const next = await saved.log.position();
    const caught = await saved.log.changedSince(position);
    if (caught) for (const id of caught.ids) pending.add(id);
    await drain();
    position = next;
    await saved.shelf.save({ position, unlogged: verified, index: index.toJSON(), columns: columns.toJSON() });
  };

  const forgetSaved = (): void => {
    if (saved) saved.shelf.clear().catch(reportFailure('forgetting the saved index'));
  };

  const saveLater = (): void => {
    if (!saved || closed) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => { save().catch(reportFailure('save')); }, saveDelayMs);
  };

  const unsubscribe = bus.subscribe((change) => {
    if (change.purged) {
      // Gone for good: nothing to read back, and any read still pending for them would find nothing.
      for (const id of change.ids) {
        pending.delete(id);
        index.remove(id);
        columns.remove(id);
        if (state !== 'ready') purgedEarly.add(id);
      }
      // Nor may the saved copy keep them until the next save.
      forgetSaved();
    } else {
      for (const id of change.ids) pending.add(id);
    }
    if (state === 'ready') drain().catch(reportFailure('refresh'));
    saveLater();
  });

  /**
   * The saved index caught up with the log and the live records: null when it must be built
   * instead, else how many records it had to re-read or drop.
   */
  const load = async (): Promise<number | null> => {
    const loaded = saved ? await loadFromShelf(saved) : null;
    if (!loaded) return null;
    ({ index, columns, position, verified } = loaded);
    for (const id of loaded.reread) pending.add(id);
    return loaded.dropped + pending.size;
  };

  const build = async (): Promise<void> => {
    // Read before the records: every change after it is announced, or found by the next catch-up.
    verified = saved ? await saved.log.unloggedMark() : null;
    position = saved ? await saved.log.position() : null;
    const building = createSearchIndex();
    const held = createFilterColumns();
    const contacts = createLastContactedMap();
    // One read of the records builds both, and last contacted for the columns.
    await records.forEachBatch(BATCH_SIZE, (batch) => {
      building.upsertMany(batch);
      held.upsertMany(batch);
      for (const record of batch) contacts.visit(record);
    });
    for (const [id, at] of contacts.result()) held.setLastContacted(id, at);
    building.freeze();
    index = building;
    columns = held;
  };

  const start = async (): Promise<void> => {
    const started = clock.now();
    const changedSinceSaved = await load().catch((error: unknown) => { reportFailure('loading the saved index')(error); return null; });
    if (changedSinceSaved === null) await build();
    for (const id of purgedEarly) { index.remove(id); columns.remove(id); }
    purgedEarly.clear();
    origin = changedSinceSaved === null ? 'built' : 'saved';
    buildMs = clock.now() - started;
    state = 'ready';
    // Changes announced meanwhile: their records may have been read before the change.
    await drain().catch(reportFailure('refresh after build'));
    // Saved in the background: searches are answered meanwhile.
    if (changedSinceSaved !== 0) void save().catch(reportFailure('save'));
  };

  /** Reads what the log holds past the known position; false when it cannot tell (sets landed below it). */
  const catchUp = async (): Promise<boolean> => {
    if (!saved || position === null) return true;
    const since = position;
    // A local write always lands above the newest set: an unchanged newest key means nothing new here.
    if (await saved.log.newest() === since.newest) return true;
    const next = await saved.log.position();
    const caught = await saved.log.changedSince(since);
    if (!caught) return false;
    for (const id of caught.ids) pending.add(id);
    await drain();
    position = next;
    return true;
  };

  const ready = start();
  ready.catch(reportFailure('initial build'));

  return {
    indexStatus: async () => status(),
    whenIndexed: async () => {
      await ready;
      return status();
    },
    search: async (query, options) => (state === 'ready' ? index.search(query, options ?? {}) : scans.search(query, options)),
    currentColumns: async () => {
      if (state !== 'ready' || closed) return null;
      // A read that fails leaves the columns behind: the page scans instead.
      const current = await catchUp().then(async (caught) => { if (caught) await drain(); return caught; }).catch(() => false);
      return current && state === 'ready' ? columns : null;
    },
    close: () => {
      closed = true;
      clearTimeout(saveTimer);
      unsubscribe();
    },
  };
};
