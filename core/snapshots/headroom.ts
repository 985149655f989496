/**
 * Whether there is room for the daily snapshot. A snapshot copies every record, so on a nearly
 * full disk it could take the last space ordinary saves need; the sweep skips it instead and
 * says so. Pure: the estimate comes from an injected capability (navigator.storage.estimate()).
 */

/** Bytes this profile uses and may use, as the browser estimates them. */
export interface StorageEstimate {
  readonly usage: number;
  readonly quota: number;
}

/** Left free after a snapshot, for ordinary saves. */
export const SNAPSHOT_SPARE_BYTES = 10 * 1024 * 1024;

export interface LowStorage {
  readonly type: 'low-storage';
  readonly availableBytes: number;
  readonly neededBytes: number;
}

/**
 * Null when the snapshot fits. It is expected to be about as large as the last one (or, before
 * the first, as all the profile uses), and needs that twice over plus SNAPSHOT_SPARE_BYTES: the
 * account grows between snapshots, and saves must still fit after it.
 */
export const snapshotRoom = (estimate: StorageEstimate, lastSnapshotBytes: number | null): LowStorage | null => {
  const neededBytes = 2 * (lastSnapshotBytes ?? estimate.usage) + SNAPSHOT_SPARE_BYTES;
  const availableBytes = Math.max(0, estimate.quota - estimate.usage);
  return availableBytes < neededBytes ? { type: 'low-storage', availableBytes, neededBytes } : null;
};
