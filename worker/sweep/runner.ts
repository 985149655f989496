import { confirmCancellationExpiry, deleteAccountDatabase, readCancellation } from '../../core/account/cancellation';
import { createAuditLog } from '../../core/audit/audit-log';
import { deriveAuditKeys } from '../../core/audit/hash';
import { plainCodec } from '../../core/codec';
import { RECORD_KINDS, type RecordKind } from '../../core/records/types';
import { judgeClock } from '../../core/retention/clock-trust';
import { readRetentionPolicy } from '../../core/retention/policy';
import { snapshotDue } from '../../core/retention/snapshot-policy';
import { OUTBOX_DAYS, TRASH_DAYS, expiredBefore } from '../../core/retention/windows';
import { pruneAcknowledged } from '../../core/replica/outbox';
import { snapshotRoom } from '../../core/snapshots/headroom';
import { expireUndoReceipts } from '../../core/merge/expire-receipts';
import { expireSnapshots, listSnapshots, takeSnapshot } from '../../core/snapshots/snapshots';
import type { PurgeReport } from '../../core/purge/contract';
import { openStoreDeps } from '../../core/store/open-store';
import { writeFailureOf, type WriteFailure } from '../../core/db/store-errors';
import { createPurger, type PurgerDeps } from '../../core/purge/purge';
import { purgeAuditReceipt } from '../../core/purge/purge-receipt';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { SweepReport, SweepRequest, SweepTrigger } from '../sweep-contract';
import { finishErasures } from './erasure-scrub';
import { expireLogins } from './login-expiry';
import { SWEEP_LOCK, type SweepPorts } from './ports';
import { writeSweepReport } from './report-store';
import { readTimeSeen, writeTimeMark } from './time-mark';

/** Records purged per transaction: a browser killed mid-sweep leaves whole batches. */
export const PURGE_BATCH = 1000;
/** Whom the change log and the audit log credit with what a sweep removes. */
export const SWEEP_AUTHOR = 'sweep';

export interface SweepRunner {
  /** One sweep; null when another context's sweep holds the lock. Failures come back as the report's `error`. */
  readonly sweep: (request: SweepRequest) => Promise<SweepReport | null>;
}

type Counts = { -readonly [K in Exclude<keyof SweepReport, 'trigger' | 'startedAt' | 'finishedAt' | 'durationMs' | 'error'>]: SweepReport[K] };

const emptyCounts = (): Counts => ({
  purged: {}, changeSetsDeleted: 0, changeSetsRewritten: 0, changeSetsAwaitingKey: 0,
  loginsDeleted: 0, snapshotsDeleted: 0, snapshotTaken: null, snapshotSkipped: null, accountDeleted: false, held: null,
});

const addPurged = (counts: Counts, batch: PurgeReport): void => {
  const purged: Partial<Record<RecordKind, number>> = { ...counts.purged };
  for (const kind of RECORD_KINDS) {
    const count = batch.purged[kind];
    if (count) purged[kind] = (purged[kind] ?? 0) + count;
  }
  counts.purged = purged;
  counts.changeSetsDeleted += batch.changeSetsDeleted;
  counts.changeSetsRewritten += batch.changeSetsRewritten;
};

export const totalPurged = (purged: SweepReport['purged']): number =>
  Object.values(purged).reduce((sum, count) => sum + count, 0);

/** The failure a report keeps: a stored report holds at most a thousand characters of a message. */
const failureOf = (error: unknown): WriteFailure => {
  const failure = writeFailureOf(error);
  return failure.type === 'write-failed' ? { ...failure, message: failure.message.slice(0, 1000) } : failure;
};

/** Steps 2–5: everything that deletes. Each step's counts land in `counts` as soon as they are committed. */
const expireAll = async (deps: PurgerDeps, ports: SweepPorts, now: number, counts: Counts, trigger: SweepTrigger): Promise<void> => {
  const { db } = deps;
  await finishErasures(deps);
  // Each batch commits with its own entry; while locked it is written unsealed and chained at the next unlock.
  const audit = createAuditLog({ db, clock: deps.clock, keys: async () => deps.auditKeys });
  const purger = createPurger(deps, purgeAuditReceipt(audit, SWEEP_AUTHOR, trigger));
  const purge = await purger.purgeExpired(expiredBefore(TRASH_DAYS, now), PURGE_BATCH, (batch) => {
    addPurged(counts, batch);
    ports.afterBatch?.(totalPurged(counts.purged));
  });
  counts.changeSetsAwaitingKey = purge.changeSetsAwaitingKey;
  // Same window as the trash: the record an undo would bring back is purged by now.
  await expireUndoReceipts(db, expiredBefore(TRASH_DAYS, now));
  if (deps.codec) {
    // Sets left by earlier sweeps that ran while locked: this purge itself rewrote its own at once.
    const rewritten = await purger.rewriteAwaitingKey();
    counts.changeSetsRewritten += rewritten;
    counts.changeSetsAwaitingKey = Math.max(0, purge.changeSetsAwaitingKey - rewritten);
  }
  const policy = await readRetentionPolicy(db);
  counts.loginsDeleted = await expireLogins(db, expiredBefore(policy.loginDays, now));
  counts.snapshotsDeleted = await expireSnapshots(db, now);
  await pruneAcknowledged(db, expiredBefore(OUTBOX_DAYS, now), PURGE_BATCH);
};

/** Step 6: the daily snapshot, when due and when the disk has room for it. */
const takeDailySnapshot = async (deps: PurgerDeps, ports: SweepPorts, now: number, counts: Counts): Promise<void> => {
  const { db } = deps;
  if (!(await readRetentionPolicy(db)).snapshotsEnabled || (await db.count('vault')) === 0) return;
  const snapshots = await listSnapshots(db);
  if (!snapshotDue(snapshots.filter((snapshot) => snapshot.reason === 'daily').map((snapshot) => snapshot.takenAt), now)) return;
  const estimate = await ports.storageEstimate();
  // Newest first: the last one taken is the best guess of the next one's size.
  counts.snapshotSkipped = estimate && snapshotRoom(estimate, snapshots[0]?.bytes ?? null);
  if (counts.snapshotSkipped) return;
  counts.snapshotTaken = (await takeSnapshot(db, { clock: deps.clock, newId: deps.newId, reason: 'daily' })).id;
};

/**
 * Steps 1–6 once the database is open. Nothing is deleted under a clock that disagrees with the
 * newest time seen (core/retention/clock-trust.ts); the snapshot is still taken, as it only adds.
 * Returns true when the account was deleted (the connection is closed then).
 */
const sweepAccount = async (deps: PurgerDeps, ports: SweepPorts, now: number, counts: Counts, trigger: SweepTrigger): Promise<boolean> => {
  const { db } = deps;
  const judgement = judgeClock(await readTimeSeen(db), now);
  await writeTimeMark(db, judgement.mark);
  counts.held = judgement.hold;
  const cancellation = await readCancellation(db, now);
  if (judgement.hold === null) {
    if (cancellation && (await confirmCancellationExpiry(db, cancellation, now)) === 'delete') {
      db.close();
      await deleteAccountDatabase(ports.factory, ports.name);
      counts.accountDeleted = true;
      return true;
    }
    await expireAll(deps, ports, now, counts, trigger);
  }
  if (!cancellation) await takeDailySnapshot(deps, ports, now, counts);
  return false;
};

const runSweep = async (ports: SweepPorts, { trigger, accountKey }: SweepRequest): Promise<SweepReport> => {
  const startedAt = ports.clock.now();
  const counts = emptyCounts();
  let failure: WriteFailure | null = null;
  let deps: PurgerDeps | null = null;
  try {
    const opened = await openStoreDeps({
      factory: ports.factory, name: ports.name, codec: plainCodec, clock: ports.clock, bus: ports.bus, author: SWEEP_AUTHOR,
      // Without the key its audit entries are written unsealed, and chained at the next unlock.
      auditKeys: accountKey ? await deriveAuditKeys(new Uint8Array(accountKey)) : null,
    });
    deps = { ...opened, codec: accountKey ? createAesGcmCodec(new Uint8Array(accountKey)) : null };
    if (await sweepAccount(deps, ports, startedAt, counts, trigger)) deps = null;
  } catch (error) {
    failure = failureOf(error);
  }
  const finishedAt = ports.clock.now();
  const report: SweepReport = {
    trigger, startedAt, finishedAt, durationMs: Math.max(0, finishedAt - startedAt), ...counts,
    error: failure,
  };
  if (deps) {
    await writeSweepReport(deps.db, report).catch(() => undefined);
    deps.db.close();
  }
  return report;
};

/**
 * Sweeps one account, one sweep at a time across every context of the profile. Unless its clock
 * is held (then it deletes nothing and the report says why): (1) a cancelled account whose 14
 * days sweeps on two different days have seen pass is deleted with its database; otherwise (2)
 * trash older than 30 days is purged in batches with the undo receipts of merges and
 * converts as old, (3) change sets that kept purged values are
 * rewritten when the key is given, (4) old login entries, (5) old snapshots and sync's outbox
 * rows acknowledged more than 50 days ago are removed.
 * Then (6) the daily snapshot is taken when due and there is room. The report is kept in `meta`
 * (unless the database is gone).
 */
export const createSweepRunner = (ports: SweepPorts): SweepRunner => ({
  sweep: (request) => ports.lock(SWEEP_LOCK, () => runSweep(ports, request)),
});
