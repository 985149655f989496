/** Why a snapshot was taken. */
export type SnapshotReason = 'daily' | 'manual' | 'before-restore';

/**
 * One archival snapshot: the account's records and settings rows copied as stored (still
 * encrypted under the account key), so a sweep can take one while the vault is locked.
 * This row is in the clear: times, counts and sizes only.
 */
export interface SnapshotInfo {
  readonly id: string;
  readonly takenAt: number;
  readonly reason: SnapshotReason;
  /** Rows copied, trash included. */
  readonly records: number;
  /** Approximate stored size, for the owner to judge. */
  readonly bytes: number;
  /** False while its chunks are being written; an unfinished snapshot is never listed or restored. */
  readonly complete: boolean;
}
