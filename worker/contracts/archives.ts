/** Backups and snapshots, and restores from either. */
import * as v from 'valibot';
import type { RecordKind } from '../../core/records/types';
import type { Result } from '../../core/result';
import type { SnapshotInfo } from '../../core/snapshots/types';
import type { BackupProblem } from '../../core/backup/types';
import type { SnapshotProblem } from '../../core/snapshots/snapshots';
import { fileBuffers, ProgressSchema, type ExportedFile } from './exports';
import { method, moved, returns } from './method';

/** What a restore (from a backup file or a snapshot) put back. */
export interface RestoreReport {
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  readonly settings: boolean;
  readonly auditEntries: number;
  /** Records left out because they had been erased (right to be forgotten) after the backup was made. */
  readonly skippedErased: number;
  /** The snapshot of the data as it was just before the restore, so the restore itself can be undone. */
  readonly safetySnapshotId: string;
}

/** A refusal says why in words for the owner ("This password does not open the backup.") and changed nothing. */
/** Why a restore was refused, with nothing changed: a code the page words (archive-messages.ts). */
export type RestoreProblem = BackupProblem | SnapshotProblem;

export type RestoreOutcome = Result<RestoreReport, RestoreProblem>;

const NewPasswordSchema = v.string('Choose a password for the backup.');
const PasswordSchema = v.pipe(v.string(), v.maxLength(4096));
/** The page reads the file afresh for every restore, so its bytes can move rather than be copied. */
const BackupFileSchema = moved(v.instance(Uint8Array));
const SnapshotIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(64));

export const archiveContract = {
  /**
   * One encrypted file of every record (trash included), note, setting and the audit log,
   * sealed under `password` stretched as the vault's is. Logged in the audit log.
   */
  createBackup: method({ args: [NewPasswordSchema, ProgressSchema], result: returns<ExportedFile>(), movesOut: fileBuffers }),
  /** Validates the whole file first; replaces the current data only if all of it is sound. */
  restoreBackup: method({ args: [BackupFileSchema, PasswordSchema, ProgressSchema], result: returns<RestoreOutcome>() }),
  /** Finished snapshots, newest first. */
  listSnapshots: method({ args: [], result: returns<SnapshotInfo[]>() }),
  takeSnapshot: method({ args: [], result: returns<SnapshotInfo>() }),
  restoreSnapshot: method({ args: [SnapshotIdSchema, ProgressSchema], result: returns<RestoreOutcome>() }),
};
