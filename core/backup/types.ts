import type { AuditEntry } from '../audit/audit-log';
import type { LocketRecord } from '../records/types';
import type { Settings } from '../settings/contract';

/** One record as a backup holds it: decoded fields and meta, and who trashed it while it is in the trash. */
export interface BackupRecord {
  readonly record: LocketRecord;
  readonly deletedBy: string | null;
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

/** Messages for the owner: what went wrong, never how. */
export const BACKUP_WRONG_PASSWORD = 'This password does not open this backup.';
export const BACKUP_DAMAGED = 'This backup file is damaged or was changed.';
export const BACKUP_NOT_LOCKET = 'This file is not a Locket backup.';
export const BACKUP_TOO_NEW = 'This backup was made by a newer version of Locket. Update Locket, then restore it.';
