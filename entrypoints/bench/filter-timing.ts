import { deriveAuditKeys } from '../../core/audit/hash';
import * as Comlink from 'comlink';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import type { Filter } from '../../core/filters/filter-schema';
import type { RecordId } from '../../core/records/types';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { FilterReport } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { isCancelled } from '../../worker/contract';
import { sessionAccountKey } from './bench-account';

/** As many rows as a list's first page. */
const PAGE = 50;
/** One condition a list user would pick: a tag some of the seeded people carry (test/bench/seed-words.ts). */
const ONE_CONDITION: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'customer' }] };
/** Rules out every row by its clear creation time: reads the index once, decrypts nothing. */
const NOTHING: Filter = { conditions: [{ field: 'created', op: 'after', date: '2999-01-01' }] };

/**
 * The plain people list's first page through the page's store, then a one-condition filter over
 * the people through the page's worker, as the side panel runs them: the first rows (first ids
 * from the worker, then their records read by id in the page) and the exact count. The worker
 * is started and warmed by a filter that decrypts nothing, outside the figures.
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
    await api.filterList('person', NOTHING, { column: 'updated', direction: 'desc' }, Comlink.proxy(() => undefined));

    let firstRowsMs = -1;
    let firstRows: Promise<void> = Promise.resolve();
    const started = performance.now();
    const result = await api.filterList('person', ONE_CONDITION, { column: 'updated', direction: 'desc' }, Comlink.proxy((ids: readonly RecordId[]) => {
      firstRows = store.getMany(ids).then(() => { firstRowsMs = performance.now() - started; });
    }));
    const countMs = performance.now() - started;
    await firstRows;
    if (isCancelled(result)) throw new Error('The timed filter was cancelled.');
    // Fewer matches than a page: the whole list arrives at once, and its first rows are read after it.
    if (firstRowsMs < 0) {
      await store.getMany(result.ids.slice(0, PAGE));
      firstRowsMs = performance.now() - started;
    }
    return { people: await store.count('person'), plainRows: plain.length, plainFirstPageMs, matches: result.ids.length, firstRowsMs, countMs };
  } finally {
    terminate();
    store.close();
    bus.close();
  }
};
