import type { AuditEntry } from '../audit/audit-log';
import type { LocketRecord } from '../records/types';
import type { Attribution } from '../db/attribution';
import type { Settings } from '../settings/contract';

/** One record as a backup holds it: decoded fields and meta, and who trashed it while it is in the trash. */
export interface BackupRecord {
  readonly record: LocketRecord;
  readonly deletedBy: string | null;
  /** Which devices created and last changed it (db/attribution.ts); absent in backups made before, and for records that never had any. */
  readonly attribution?: Attribution;
}

/** Everything a backup file holds, decoded and validated. */
export interface BackupContents {
  readonly createdAt: number;
  /** Every record, the trash included. */
  readonly records: readonly BackupRecord[];
  /** Null when the account had never saved its settings. */
  readonly settings: Settings | null;
  /** The whole audit log, oldest first. */
  readonly audit: readonly AuditEntry[];
  /**
   * The audit key its log and id hashes were made with (inside the encrypted payload), so a
   * restore into another account can check them; null in backups made before keyed hashes.
   */
  readonly auditKey: Uint8Array<ArrayBuffer> | null;
}

/**
 * Why a backup file cannot be restored: what went wrong, never how. The words live in
 * components/shared/messages/archive-messages.ts.
 */
export type BackupProblem = { readonly type: 'backup-wrong-password' | 'backup-damaged' | 'backup-not-locket' | 'backup-too-new' };

export const BACKUP_WRONG_PASSWORD: BackupProblem = { type: 'backup-wrong-password' };
export const BACKUP_DAMAGED: BackupProblem = { type: 'backup-damaged' };
export const BACKUP_NOT_LOCKET: BackupProblem = { type: 'backup-not-locket' };
export const BACKUP_TOO_NEW: BackupProblem = { type: 'backup-too-new' };
