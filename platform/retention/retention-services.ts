import { browser } from 'wxt/browser';
import { createAuditLog } from '../../core/audit/audit-log';
import { deriveAuditKeys } from '../../core/audit/hash';
import type { Clock } from '../../core/clock';
import { readRetentionPolicy, writeRetentionPolicy } from '../../core/retention/policy';
import type { LocketDatabase } from '../../core/db/schema';
import type { RetentionWorkerApi } from '../../worker/contract';
import type { SweepReport, SweepTrigger } from '../../worker/sweep-contract';
import { readSweepReport } from '../../worker/sweep/report-store';
import { connectSweepWorker, type SweepWorkerConnection } from '../../worker/sweep-client';
import { forgetLocalAccountState } from '../session/session';
import type { RetentionServices } from '../page-services/services';
import { askToKeepData, readStorageStatus, type StoragePorts } from './storage-status';
import { SWEEP_ALARM } from './sweep-scheduler';
import { startWhenIdle } from './start-when-idle';

/** Long enough for the first screen to paint and settle before the sweep competes for IndexedDB. */
export const PAGE_SWEEP_DELAY_MS = 2_000;
/** After that delay, the sweep's worker waits for the page to be idle, at most this long. */
const PAGE_SWEEP_IDLE_WAIT_MS = 5_000;

/** One sweep in a worker of its own, ended as soon as the sweep is. */
const sweepIn = async (connection: SweepWorkerConnection, trigger: SweepTrigger, accountKey: Uint8Array | null): Promise<SweepReport | null> => {
  try {
    const report = await connection.api.sweep({ trigger, accountKey });
    if (report?.accountDeleted) await forgetLocalAccountState();
    return report;
  } finally {
    connection.terminate();
  }
};

/**
 * Runs a sweep shortly after the page opens, with the key when the page is unlocked. Returns
 * a stop function for when the page locks: it cancels the sweep if it has not started, and
 * ends its worker (taking the key with it) if it has; whole batches stay done.
 */
export const startPageSweep = (accountKey: Uint8Array | null, delayMs = PAGE_SWEEP_DELAY_MS): (() => void) => {
  let connection: SweepWorkerConnection | null = null;
  const cancel = startWhenIdle(delayMs, PAGE_SWEEP_IDLE_WAIT_MS, () => {
    connection = connectSweepWorker();
    sweepIn(connection, 'page', accountKey).catch((error: unknown) => console.warn('Locket sweep did not run:', error));
  });
  return () => {
    cancel();
    connection?.terminate();
  };
};

export interface RetentionServicesDeps {
  /** The account's database, open for as long as the page is unlocked; the caller closes it. */
  readonly db: LocketDatabase;
  readonly clock: Clock;
  /** The unlocked account key: a manual sweep rewrites change sets that waited for it. */
  readonly accountKey: Uint8Array;
  /** The page's navigator.storage and permission check. */
  readonly storage: StoragePorts;
}

/** Retention for the options page: the owner's policy, the last and next sweep, and "sweep now"; rule proposals come from the worker. */
export const createRetentionServices = (
  { db, clock, accountKey, storage }: RetentionServicesDeps,
): Omit<RetentionServices, keyof RetentionWorkerApi> => {
  const auditKeys = deriveAuditKeys(new Uint8Array(accountKey));
  const audit = createAuditLog({ db, clock, keys: () => auditKeys });
  return {
    readPolicy: () => readRetentionPolicy(db),
    writePolicy: async (patch) => {
      const written = await writeRetentionPolicy(db, patch);
      if (written.ok) {
        await audit.append({
          type: 'settings-changed', by: 'owner', subjects: [],
          detail: { section: 'retention', fields: Object.keys(patch).sort().join(',') },
        });
      }
      return written;
    },
    lastSweep: () => readSweepReport(db),
    nextSweepAt: async () => (await browser.alarms.get(SWEEP_ALARM))?.scheduledTime ?? null,
    sweepNow: () => sweepIn(connectSweepWorker(), 'manual', accountKey),
    storageStatus: () => readStorageStatus(storage),
    keepData: () => askToKeepData(storage),
  };
};
