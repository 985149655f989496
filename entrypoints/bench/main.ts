import { systemClock } from '../../core/clock';
import { plainCodec } from '../../core/codec';
import { createBroadcastBus } from '../../core/store/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/store/db-name';
import { openStore } from '../../core/store/open-store';
import type { LocketBench } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { deleteDatabase } from './delete-database';
import { rawPut } from './raw-put';
import { timeSearch } from './search-timing';
import { seedThroughStore } from './seed-through-store';

// Only the bench build contains this page (LOCKET_BENCH=1); test/bench/run.ts drives it.
const bench: LocketBench = {
  seed: async (total, seed) => {
    const wipeStarted = performance.now();
    await deleteDatabase(indexedDB, LOCKET_DB_NAME);
    const wipeMs = performance.now() - wipeStarted;
    const bus = createBroadcastBus();
    const store = await openStore({
      factory: indexedDB, name: LOCKET_DB_NAME, codec: plainCodec, clock: systemClock, bus, author: 'bench',
    });
    try {
      return { ...(await seedThroughStore(store, total, seed)), wipeMs };
    } finally {
      store.close();
      bus.close();
    }
  },
  rawPut: (total, seed) => rawPut(indexedDB, total, seed),
  search: (queries, repeats) => timeSearch(connectWorker, queries, repeats),
};

window.locketBench = bench;
