/**
 * The relay's own retention sweep (SYNC.md §11): it holds the windows with every device off.
 * Each run first judges its clock by the rule the extension's sweeps use
 * (core/retention/clock-trust.ts): under a clock that went back, or jumped more than a day ahead
 * without a later reading agreeing, it deletes nothing. Otherwise, in bounded batches of one
 * transaction each:
 *   1. records trashed on the relay more than 30 days ago end like a purge;
 *   2. teams cancelled more than 14 days ago lose every row, leaving a hashed tombstone;
 *   3. sets older than 50 days that hold nothing any more go (relay/store/retention-log.ts);
 *   4. members' session starts and unlock reports older than the login window go (relay/store/member-logins.ts).
 *   5. sets older than 50 days covered by a later snapshot go, moving the log's floor; then
 *      snapshots are thinned (daily for a week, then weekly, none past 50 days): nothing older
 *      than 50 days stays, in the log or in a snapshot (retention-snapshots.ts).
 * A run stops after `maxBatches`; what is left is the next run's, so a killed run loses at most
 * one uncommitted batch and the next one resumes where the database stands.
 */
import type { Clock } from '../../core/clock';
import { judgeClock, type ClockHold } from '../../core/retention/clock-trust';
import { CANCELLATION_DAYS, DEFAULT_LOGIN_DAYS, SNAPSHOT_MAX_DAYS, TRASH_DAYS, expiredBefore } from '../../core/retention/windows';
import { expireMemberLoginsBatch } from '../store/member-logins';
import { compactEndedSetsBatch } from '../store/retention-log';
import { readRelayTimeSeen, writeRelayTimeMark } from '../store/retention-mark';
import { deleteTeamBatch, teamsDueForDeletion } from '../store/retention-teams';
import { thinSnapshotsBatch, truncateLogBatch } from '../store/retention-snapshots';
import { endTrashedBatch } from '../store/retention-trash';
import type { SqlDriver } from '../store/sql-driver';

/** The change log's window on the relay: the longest any copy of the data is kept. */
export const CHANGE_LOG_DAYS = SNAPSHOT_MAX_DAYS;
export const RETENTION_BATCH = 1000;
export const MAX_BATCHES_PER_RUN = 100;

export interface RetentionReport {
  readonly at: number;
  /** Why nothing was deleted; null when the clock was trusted. */
  readonly held: ClockHold | null;
  readonly trashedRecordsEnded: number;
  readonly ciphertextsDropped: number;
  readonly teamsDeleted: number;
  readonly teamRowsDeleted: number;
  readonly setsCompacted: number;
  /** Members' session starts and unlock reports past the login window. */
  readonly memberLoginsExpired: number;
  readonly snapshotsDeleted: number;
  readonly snapshotRowsDeleted: number;
  /** Sets below a snapshot that went with the log's floor. */
  readonly setsTruncated: number;
  readonly batches: number;
  /** True when the run stopped at `maxBatches` with work left. */
  readonly unfinished: boolean;
}

export interface RetentionSweepOptions {
  readonly clock: Clock;
  readonly batch?: number;
  readonly maxBatches?: number;
  /** Test-only fault injection: runs inside every batch's transaction before its commit. */
  readonly beforeBatchCommit?: () => void;
}

export interface RetentionSweep {
  /** One run; a run asked for while one is going joins it. */
  readonly run: () => Promise<RetentionReport>;
  /** Resolves once no run is going (the relay waits for it before closing the database). */
  readonly settled: () => Promise<void>;
}

export const createRetentionSweep = (driver: SqlDriver, options: RetentionSweepOptions): RetentionSweep => {
  const batch = options.batch ?? RETENTION_BATCH;
  const maxBatches = options.maxBatches ?? MAX_BATCHES_PER_RUN;
  const hooks = options.beforeBatchCommit ? { beforeCommit: options.beforeBatchCommit } : {};

  const runOnce = async (): Promise<RetentionReport> => {
    const now = options.clock.now();
    const judgement = judgeClock(await readRelayTimeSeen(driver), now);
    await writeRelayTimeMark(driver, judgement.mark);
    const report = {
      at: now, held: judgement.hold, trashedRecordsEnded: 0, ciphertextsDropped: 0, teamsDeleted: 0, teamRowsDeleted: 0,
      setsCompacted: 0, memberLoginsExpired: 0, snapshotsDeleted: 0, snapshotRowsDeleted: 0, setsTruncated: 0, batches: 0,
      unfinished: false,
    };
    if (judgement.hold !== null) return report;
    const budgetLeft = (): boolean => {
      if (report.batches < maxBatches) return true;
      report.unfinished = true;
      return false;
    };

    while (budgetLeft()) {
      const ended = await endTrashedBatch(driver, expiredBefore(TRASH_DAYS, now), now, batch, hooks);
      report.batches += 1;
      report.trashedRecordsEnded += ended.records;
      report.ciphertextsDropped += ended.itemsDropped;
      if (ended.records < batch) break;
    }
    for (const team of await teamsDueForDeletion(driver, expiredBefore(CANCELLATION_DAYS, now), maxBatches)) {
      let done = false;
      while (!done && budgetLeft()) {
        const deleted = await deleteTeamBatch(driver, team, now, batch, hooks);
        report.batches += 1;
        report.teamRowsDeleted += deleted.rows;
        done = deleted.done;
      }
      if (!done) break;
      report.teamsDeleted += 1;
    }
    while (budgetLeft()) {
      const compacted = await compactEndedSetsBatch(driver, expiredBefore(CHANGE_LOG_DAYS, now), batch, hooks);
      report.batches += 1;
      report.setsCompacted += compacted;
      if (compacted < batch) break;
    }
    while (budgetLeft()) {
      const expired = await expireMemberLoginsBatch(driver, expiredBefore(DEFAULT_LOGIN_DAYS, now), batch, hooks);
      report.batches += 1;
      report.memberLoginsExpired += expired.rows;
      if (!expired.more) break;
    }
    while (budgetLeft()) {
      const truncated = await truncateLogBatch(driver, expiredBefore(CHANGE_LOG_DAYS, now), batch, hooks);
      report.batches += 1;
      report.setsTruncated += truncated;
      if (truncated < batch) break;
    }
    while (budgetLeft()) {
      const thinned = await thinSnapshotsBatch(driver, now, batch, hooks);
      report.batches += 1;
      report.snapshotsDeleted += thinned.snapshots;
      report.snapshotRowsDeleted += thinned.rows;
      if (thinned.done) break;
    }
    return report;
  };

  let running: Promise<RetentionReport> | undefined;
  return {
    run: () => {
      running ??= runOnce().finally(() => { running = undefined; });
      return running;
    },
    settled: async () => { await running?.catch(() => undefined); },
  };
};
