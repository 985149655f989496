import { deriveAuditKeys } from '../../core/audit/hash';
import { lockSession } from '../../platform/session/session';
import { systemClock } from '../../core/clock';
import { plainCodec } from '../../core/codec';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { LocketBench } from '../../test/bench/bench-api';
import { createBenchAccount, sessionAccountKey } from './bench-account';
import { deleteDatabase } from './delete-database';
import { timeExport } from './export-timing';
import { timeImport } from './import-timing';
import { timeWorkerImport } from './worker-import-timing';
import { timeFilter } from './filter-timing';
import { rawPut, schemaFloor } from './raw-put';
import { timeBulkTag } from './bulk-timing';
import { seedOpenOpportunities } from './board-seed';
import { expireEverything, timeArchive, timeBareDelete, timeSweep } from './retention-timing';
import { timeSearch } from './search-timing';
import { seedTasks } from './tasks-seed';
import { openInSidePanel, timeReminders, timeTimelineFloor } from './tasks-timing';
import { savedIndexProbe } from './saved-index-probe';
import { connectSearchWorker } from '../../worker/search-client';
import { seedThroughStores } from './seed-through-store';
import { panelSettled } from './panel-settled';
import { fullSync, syncClose, syncDeviceKeys, syncOpen, syncSeen, syncWrite } from './sync-timing';
import { dropPlain, openPlainTwin, rawDataBytes, readAll, timeUnlock } from './vault-timing';

// Only the bench build contains this page (LOCKET_BENCH=1); test/bench/run.ts drives it.
const bench: LocketBench = {
  seed: async (total, seed, plainTwin = false) => {
    const wipeStarted = performance.now();
    await deleteDatabase(indexedDB, LOCKET_DB_NAME);
    const wipeMs = performance.now() - wipeStarted;
    const accountStarted = performance.now();
    const keys = await createBenchAccount();
    const accountMs = performance.now() - accountStarted;
    const bus = createBroadcastBus();
    const codec = createAesGcmCodec(keys.accountKey);
    const store = await openStore({ factory: indexedDB, name: LOCKET_DB_NAME, codec, clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(keys.accountKey) });
    const twin = plainTwin ? await openPlainTwin() : null;
    try {
      const targets = [{ store, codec }, ...(twin ? [{ store: twin.store, codec: plainCodec }] : [])];
      const [encrypted, plain] = await seedThroughStores(targets, total, seed);
      if (!encrypted) throw new Error('Seeding reported nothing for the account database');
      return { ...encrypted, wipeMs, accountMs, plain: plain ?? null };
    } finally {
      twin?.close();
      store.close();
      bus.close();
    }
  },
  rawPut: async (total, seed) => ({ ...await rawPut(indexedDB, total, seed), schemaFloorMs: await schemaFloor(indexedDB, total, seed) }),
  bulkTag: timeBulkTag,
  seedOpenOpportunities,
  search: async (queries, repeats) => {
    const accountKey = await sessionAccountKey();
    return timeSearch(() => connectSearchWorker(accountKey), savedIndexProbe(), queries, repeats);
  },
  forgetSavedIndex: () => savedIndexProbe().forget(),
  indexStatus: async () => {
    const connection = connectSearchWorker(await sessionAccountKey());
    try {
      const { origin, indexed } = await connection.api.whenIndexed();
      return { origin, indexed };
    } finally {
      connection.release();
    }
  },
  searchHolding: async () => {
    const connection = connectSearchWorker(await sessionAccountKey());
    try {
      const { indexed } = await connection.api.whenIndexed();
      return { indexed, rawBytes: await rawDataBytes() };
    } finally {
      connection.release();
    }
  },
  readAll,
  dropPlain,
  unlock: timeUnlock,
  panelSettled,
  exportAll: timeExport,
  importContacts: timeImport,
  importThroughWorker: timeWorkerImport,
  archive: timeArchive,
  filter: timeFilter,
  expireEverything: () => expireEverything(),
  sweep: timeSweep,
  bareDelete: timeBareDelete,
  lock: lockSession,
  syncDeviceKeys,
  fullSync,
  syncOpen,
  syncWrite,
  syncSeen,
  syncClose,
  seedTasks,
  reminders: timeReminders,
  timelineFloor: timeTimelineFloor,
  openInSidePanel,
};

window.locketBench = bench;
