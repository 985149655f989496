import * as v from 'valibot';
import { systemClock, type Clock } from '../core/clock';
import { RECORD_KINDS, type RecordId } from '../core/records/types';
import type { ChangeBus } from '../core/db/change-bus';
import type { LocketStore } from '../core/store/contract';
import type { CoreWorkerApi, IndexStatus } from './api';
import { createSearchIndex } from './search-index';
import { createExportRunner } from './export-runner';
import { createImportApi } from './import-api';
import { createRetentionApi } from './retention-api';

export interface WorkerApiDeps {
  readonly store: LocketStore;
  /** Must deliver every committed change, including the ones `store` itself announces. */
  readonly bus: ChangeBus;
  /** Times the build; the system clock unless a test moves time by hand. */
  readonly clock?: Clock;
}

const BATCH_SIZE = 1000;
const MAX_QUERY_LENGTH = 500;
const MAX_LIMIT = 500;

// Arguments arrive from another context over comlink: checked, never trusted.
const QuerySchema = v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH));
const SearchOptionsSchema = v.optional(v.object({
  kinds: v.optional(v.array(v.picklist(RECORD_KINDS))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIMIT))),
}));
const KindSchema = v.picklist(RECORD_KINDS);
const InputsSchema = v.array(v.unknown());

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

const reportFailure = (what: string) => (error: unknown): void => {
  console.error(`Search index: ${what} failed`, error);
};

/** Everything but backups and snapshots, which need the rows as stored (open-worker-api.ts adds them). */
export const createWorkerApi = ({ store, bus, clock = systemClock }: WorkerApiDeps): CoreWorkerApi => {
  const index = createSearchIndex();
  let state: IndexStatus['state'] = 'building';
  let buildMs = 0;
  /** Ids announced as changed and not yet re-read. Filled during the build, drained after it. */
  const pending = new Set<RecordId>();
  let draining = false;

  const status = (): IndexStatus => ({ state, indexed: index.size(), buildMs });

  const refresh = async (ids: readonly RecordId[]): Promise<void> => {
    const records = await store.getMany(ids);
    index.upsertMany(records);
    const found = new Set(records.map((record) => record.id));
    for (const id of ids) if (!found.has(id)) index.remove(id);
  };

  // One drain at a time, so an older read can never land after a newer one.
  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
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
    } finally {
      draining = false;
    }
  };

  bus.subscribe((change) => {
    if (change.purged) {
      // Gone for good: nothing to read back, and any read still pending for them would find nothing.
      for (const id of change.ids) { pending.delete(id); index.remove(id); }
      return;
    }
    for (const id of change.ids) pending.add(id);
    if (state === 'ready') drain().catch(reportFailure('refresh'));
  });

  const build = async (): Promise<void> => {
    const started = clock.now();
    await store.forEachBatch(BATCH_SIZE, (records) => { index.upsertMany(records); });
    buildMs = clock.now() - started;
    state = 'ready';
    // Changes announced while the build ran: their records may have been read before the change.
    await drain().catch(reportFailure('refresh after build'));
  };

  // Searches are answered from the start, from what has been indexed so far.
  const built = build();
  built.catch(reportFailure('initial build'));

  const exports = createExportRunner({ store, clock });

  return {
    ...exports,
    ...createImportApi({ store, clock }),
    ...createRetentionApi({ store, clock }),
    indexStatus: async () => status(),
    whenIndexed: async () => {
      await built;
      return status();
    },
    search: async (query, options) => {
      const parsedOptions = v.parse(SearchOptionsSchema, options);
      return index.search(v.parse(QuerySchema, query), parsedOptions ?? {});
    },
    insertMany: async (kind, inputs) =>
      store.insertMany(v.parse(KindSchema, kind), v.parse(InputsSchema, inputs)),
  };
};
