import { deriveAuditKeys } from '../../core/audit/hash';
import * as Comlink from 'comlink';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb } from '../../core/db/schema';
import { deleteSnapshot } from '../../core/snapshots/snapshots';
import { DAY_MS, TRASH_DAYS } from '../../core/retention/windows';
import type { ArchiveReport, BareDeleteReport, SweepBenchReport } from '../../test/bench/bench-api';
import { BENCH_PASSWORD } from '../../test/bench/bench-api';
import { connectWorker } from '../../worker/client';
import { connectSweepWorker } from '../../worker/sweep-client';
import type { StoredRecord } from '../../core/db/rows';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { sessionAccountKey } from './bench-account';
import { deleteDatabase } from './delete-database';
import { copyChangeSets, timeBarePurge, type PurgePage } from './bare-purge';
import { bareWrite } from './bare-write';
import { readWrittenSets, replaceFloorOf } from './replay-floor';

const PAGE = 1000;
const SCRATCH_DB = 'locket-bench-delete-scratch';
const noProgress = (): void => undefined;

/** Every row of the account's database, a page of ids at a time. */
const forEachPage = async (db: Awaited<ReturnType<typeof openLocketDb>>, visit: (ids: string[]) => Promise<void>): Promise<void> => {
  let after: string | undefined;
  for (;;) {
    const ids = await db.getAllKeys('records', after === undefined ? null : IDBKeyRange.lowerBound(after, true), PAGE);
    if (ids.length > 0) await visit(ids);
    if (ids.length < PAGE) return;
    after = ids.at(-1);
  }
};

const PUT_SCRATCH_DB = 'locket-bench-restore-put';

/**
 * The restore's floor: every row as the restore left it (read outside the timing), put with
 * bare IndexedDB into an object store without indexes, no change log, one transaction per 1000.
 */
const timeBareRestorePut = async (): Promise<number> => {
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  const rows = await db.getAll('records');
  db.close();
  await deleteDatabase(indexedDB, PUT_SCRATCH_DB);
  const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(PUT_SCRATCH_DB, 1);
    request.addEventListener('upgradeneeded', () => { request.result.createObjectStore('records', { keyPath: 'id' }); });
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new Error('open failed')));
  });
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += PAGE) {
      await bareWrite(scratch, 'records', (tx) => {
        const store = tx.objectStore('records');
        for (const row of rows.slice(start, start + PAGE)) store.put(row);
      });
    }
    return performance.now() - started;
  } finally {
    scratch.close();
    await deleteDatabase(indexedDB, PUT_SCRATCH_DB);
  }
};

/** A snapshot of the restored data as a restore's safety snapshot takes it, through the worker; deleted again after. */
const timeSnapshot = async (api: ReturnType<typeof connectWorker>['api']): Promise<number> => {
  const started = performance.now();
  const snapshot = await api.takeSnapshot();
  const ms = performance.now() - started;
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    await deleteSnapshot(db, snapshot.id);
  } finally {
    db.close();
  }
  return ms;
};

/**
 * A backup of everything the seed wrote, then its restore, both through the page's worker
 * (which builds no search index: the profile's search worker does).
 */
export const timeArchive = async (): Promise<ArchiveReport> => {
  const connection = connectWorker(await sessionAccountKey());
  try {
    const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
    const records = await db.count('records');
    db.close();
    const backupStarted = performance.now();
    const startedAt = performance.timeOrigin + backupStarted;
    const file = await connection.api.createBackup(BENCH_PASSWORD, Comlink.proxy(noProgress));
    const backupMs = performance.now() - backupStarted;
    const restoreStarted = performance.now();
    const outcome = await connection.api.restoreBackup(file.bytes, BENCH_PASSWORD, Comlink.proxy(noProgress));
    const restoreMs = performance.now() - restoreStarted;
    if (!outcome.ok) throw new Error(`The restore refused the backup it had just made: ${outcome.error.type}`);
    const restored = Object.values(outcome.value.records).reduce((sum, count) => sum + (count ?? 0), 0);
    const written = await readWrittenSets(indexedDB, LOCKET_DB_NAME);
    return {
      records, restored, bytes: file.bytes.length, backupMs, restoreMs, startedAt, snapshotMs: await timeSnapshot(connection.api),
      barePutMs: await timeBareRestorePut(), replaceFloorMs: await replaceFloorOf(indexedDB, written),
    };
  } finally {
    connection.terminate();
  }
};

/** Resolves once no context holds the sweep lock (a page's own sweep may still be running). */
const sweepLockFree = async (): Promise<void> => {
  for (;;) {
    const { held = [] } = await navigator.locks.query();
    if (!held.some((lock) => lock.name === 'locket:sweep')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * The sweep's input, outside its timing: every record moved to the trash through the store,
 * as a user's deletions would (their delete change sets written, every open page told), then
 * its rows aged to 31 days in the trash. Returns how many records are in the trash.
 */
export const expireEverything = async (now = Date.now()): Promise<number> => {
  const deletedAt = now - (TRASH_DAYS + 1) * DAY_MS;
  // A page's own sweep (and its daily snapshot) must be over, or it would compete with what is timed next.
  await sweepLockFree();
  const bus = createBroadcastBus();
  const accountKey = await sessionAccountKey();
  const store = await openStore({
    factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner',
    auditKeys: await deriveAuditKeys(accountKey),
  });
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    const ids: string[] = [];
    await forEachPage(db, async (page) => { ids.push(...page); });
    await store.removeMany(ids);
    let total = 0;
    await forEachPage(db, async (page) => {
      const tx = db.transaction('records', 'readwrite');
      const rows = await Promise.all(page.map((id) => tx.store.get(id)));
      await Promise.all(rows.map((row) => (row && row.deletedAt !== null ? tx.store.put({ ...row, deletedAt }) : undefined)));
      await tx.done;
      total += rows.filter((row) => row?.deletedAt !== null).length;
    });
    return total;
  } finally {
    db.close();
    store.close();
    bus.close();
  }
};

/** One sweep through the sweep worker, as the background's alarm runs it (locked: no key). */
export const timeSweep = async (): Promise<SweepBenchReport> => {
  await sweepLockFree();
  const connection = connectSweepWorker();
  try {
    const started = performance.now();
    const report = await connection.api.sweep({ trigger: 'manual', accountKey: null });
    const sweepMs = performance.now() - started;
    if (!report) throw new Error('Another sweep held the lock');
    if (report.error) throw new Error(`The sweep stopped: ${report.error}`);
    const purged = Object.values(report.purged).reduce((sum, count) => sum + (count ?? 0), 0);
    return { purged, sweepMs, changeSetsDeleted: report.changeSetsDeleted };
  } finally {
    connection.terminate();
  }
};

/**
 * The floors: the account's rows and change sets copied as they are into a scratch database of
 * the same schema (so the same indexes), then the same keys deleted with bare IndexedDB, 1000 per
 * transaction, with nothing else (no change log, no reads); then the rows put back and purged
 * with the work sync and the audit require (bare-purge.ts). Only the deletes and the purge are timed.
 */
export const timeBareDelete = async (): Promise<BareDeleteReport> => {
  await deleteDatabase(indexedDB, SCRATCH_DB);
  const scratch = await openLocketDb(indexedDB, SCRATCH_DB);
  const run = async (work: (store: { put: (row: StoredRecord) => unknown; delete: (id: string) => unknown }) => void): Promise<void> => {
    const tx = scratch.transaction('records', 'readwrite');
    work(tx.store);
    await tx.done;
  };
  const account = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    const pages: PurgePage[] = [];
    const copyRows = (list: boolean): Promise<void> => forEachPage(account, async (ids) => {
      const rows = await account.getAll('records', IDBKeyRange.bound(ids[0], ids.at(-1)));
      await run((store) => { for (const row of rows) store.put(row); });
      if (list) pages.push(rows.map(({ id, kind }) => ({ id, kind })));
    });
    await copyRows(true);
    const sets = await copyChangeSets(account, scratch);
    const lastAudit = (await account.transaction('audit').store.openCursor(null, 'prev'))?.value;
    const started = performance.now();
    for (const page of pages) await run((store) => { for (const { id } of page) store.delete(id); });
    const deleteMs = performance.now() - started;
    const records = pages.reduce((sum, page) => sum + page.length, 0);
    // Put back, outside the timing.
    await copyRows(false);
    const purge = await timeBarePurge(scratch, pages, sets, lastAudit);
    return { records, deleteMs, purgeMs: purge.purgeMs, setsDeleted: purge.setsDeleted };
  } finally {
    account.close();
    scratch.close();
    await deleteDatabase(indexedDB, SCRATCH_DB);
  }
};
