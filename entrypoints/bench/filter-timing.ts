import { deriveAuditKeys } from '../../core/audit/hash';
import * as Comlink from 'comlink';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import type { Filter, Sort } from '../../core/filters/filter-schema';
import type { RecordId } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { FilterReport } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { isCancelled } from '../../worker/contract';
import type { FilteredList, FirstMatches } from '../../worker/contracts/filters';
import { isNotReady } from '../../worker/contracts/filters';
import { connectSearchWorker } from '../../worker/search-client';
import { sessionAccountKey } from './bench-account';
import { savedIndexProbe } from './saved-index-probe';

/** As many rows as a list's first page. */
const PAGE = 50;
/** One condition a list user would pick: a tag some of the seeded people carry (test/bench/seed-words.ts). */
const ONE_CONDITION: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'customer' }] };
/** Rules out every row by its clear creation time: reads the index once, decrypts nothing. */
const NOTHING: Filter = { conditions: [{ field: 'created', op: 'after', date: '2999-01-01' }] };
const NEWEST: Sort = { column: 'updated', direction: 'desc' };
const SAVE_WAIT_MS = 180_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

type Run = (filter: Filter, onFirst: FirstMatches) => Promise<FilteredList | { readonly type: string }>;

/** One timed filter as the side panel runs it: the first ids handed over early read by id in the page, then the whole list. */
const timeOne = async (store: LocketStore, run: Run): Promise<{ firstRowsMs: number; countMs: number; matches: number }> => {
  let firstRowsMs = -1;
  let firstRows: Promise<void> = Promise.resolve();
  const started = performance.now();
  const result = await run(ONE_CONDITION, Comlink.proxy((ids: readonly RecordId[]) => {
    firstRows = store.getMany(ids).then(() => { firstRowsMs = performance.now() - started; });
  }));
  const countMs = performance.now() - started;
  await firstRows;
  if (!('ids' in result)) throw new Error(`The timed filter answered ${result.type}.`);
  // Fewer matches than a page: the whole list arrives at once, and its first rows are read after it.
  if (firstRowsMs < 0) {
    await store.getMany(result.ids.slice(0, PAGE));
    firstRowsMs = performance.now() - started;
  }
  return { firstRowsMs, countMs, matches: result.ids.length };
};

/**
 * The search worker's filter columns: built cold (no saved index), saved, then loaded by a
 * second start as after an unlock; the timed filter runs on the loaded columns.
 */
const timeCached = async (accountKey: Uint8Array, store: LocketStore) => {
  const saved = savedIndexProbe();
  await saved.forget();
  const buildStarted = performance.now();
  const first = connectSearchWorker(accountKey);
  let released = false;
  try {
    const built = await first.api.whenIndexed();
    if (built.origin !== 'built') throw new Error(`The first start should build, not find its index ${built.origin}`);
    const coldBuildMs = performance.now() - buildStarted;
    const waitStarted = performance.now();
    while (await saved.bytes() === null && performance.now() - waitStarted < SAVE_WAIT_MS) await pause(100);
    if (await saved.bytes() === null) throw new Error('The search worker never saved its index and columns');
    released = true;
    first.release();
    // Let the worker hear the lease end and drop what it holds, so the next start loads.
    await pause(500);
    const loadStarted = performance.now();
    const second = connectSearchWorker(accountKey);
    try {
      const loaded = await second.api.whenIndexed();
      const loadMs = performance.now() - loadStarted;
      const run: Run = (filter, onFirst) => second.api.filterCached('person', filter, NEWEST, onFirst);
      const warm = await run(NOTHING, Comlink.proxy(() => undefined));
      if (isNotReady(warm)) throw new Error('The loaded columns answered not-ready');
      return { coldBuildMs, loadMs, loadOrigin: loaded.origin, ...await timeOne(store, run) };
    } finally {
      second.release();
    }
  } finally {
    if (!released) first.release();
  }
};

/**
 * The plain people list's first page through the page's store, then a one-condition filter over
 * the people as the side panel runs it: from the search worker's columns (the cache ready, as
 * after an unlock; its cold build timed too), then by the page's worker's scan, which a list uses
 * while the columns are not ready. Each is warmed by a filter that decrypts nothing, untimed.
 */
export const timeFilter = async (): Promise<FilterReport> => {
  const accountKey = await sessionAccountKey();
  const bus = createBroadcastBus();
  const store = await openStore({
    factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey),
  });
  const { api, terminate } = connectWorker(accountKey);
  try {
    const plainStarted = performance.now();
    const plain = await store.page('person', 0, PAGE);
    const plainFirstPageMs = performance.now() - plainStarted;
    const cached = await timeCached(accountKey, store);

    await api.filterList('person', NOTHING, NEWEST, Comlink.proxy(() => undefined));
    const scan = await timeOne(store, async (filter, onFirst) => {
      const result = await api.filterList('person', filter, NEWEST, onFirst);
      if (isCancelled(result)) throw new Error('The timed filter was cancelled.');
      return result;
    });
    if (scan.matches !== cached.matches) throw new Error(`The scan matched ${scan.matches}, the columns ${cached.matches}`);
    return {
      people: await store.count('person'), plainRows: plain.length, plainFirstPageMs, matches: cached.matches,
      firstRowsMs: cached.firstRowsMs, countMs: cached.countMs, coldBuildMs: cached.coldBuildMs, loadMs: cached.loadMs,
      scanFirstRowsMs: scan.firstRowsMs, scanCountMs: scan.countMs,
    };
  } finally {
    terminate();
    store.close();
    bus.close();
  }
};
