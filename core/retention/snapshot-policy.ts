/**
 * Which archival snapshots to keep: the newest SNAPSHOT_KEEP_NEWEST whatever their dates, every
 * one younger than a week, then one per week (the oldest of each 7-day bucket, counted back from
 * now), and none at or past SNAPSHOT_MAX_DAYS. With one snapshot a day that is at most fourteen
 * snapshots on disk (seven days, seven weeks).
 *
 * Pure: `now` comes from the caller's injected clock.
 */
import { DAY_MS, SNAPSHOT_MAX_DAYS, windowClosed } from './windows';

/** Snapshots younger than this are all kept. */
export const SNAPSHOT_RECENT_DAYS = 7;
/** Older snapshots are thinned to one per bucket of this many days. */
export const SNAPSHOT_BUCKET_DAYS = 7;
/**
 * The newest few are kept whatever their dates: a clock that was wrong when they were taken, or
 * is wrong now, must never leave the account without a recent copy.
 */
export const SNAPSHOT_KEEP_NEWEST = 3;

export interface SnapshotStamp {
  readonly id: string;
  readonly takenAt: number;
}

/** Oldest first; equal times ordered by id, so the same history always keeps the same snapshots. */
const oldestFirst = (a: SnapshotStamp, b: SnapshotStamp): number =>
  a.takenAt - b.takenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ids to delete now; running it again on what is left deletes nothing more. */
export const snapshotsToDelete = (snapshots: readonly SnapshotStamp[], now: number): string[] => {
  const sorted = [...snapshots].sort(oldestFirst);
  const newest = new Set(sorted.slice(-SNAPSHOT_KEEP_NEWEST).map((snapshot) => snapshot.id));
  const doomed: string[] = [];
  const keptBuckets = new Set<number>();
  for (const snapshot of sorted) {
    if (newest.has(snapshot.id)) continue;
    const age = now - snapshot.takenAt;
    if (windowClosed(snapshot.takenAt, SNAPSHOT_MAX_DAYS, now)) {
      doomed.push(snapshot.id);
      continue;
    }
    if (age < SNAPSHOT_RECENT_DAYS * DAY_MS) continue;
    const bucket = Math.floor(age / (SNAPSHOT_BUCKET_DAYS * DAY_MS));
    // Visited oldest first, so the first one seen in a bucket is the one it keeps.
    if (keptBuckets.has(bucket)) doomed.push(snapshot.id);
    else keptBuckets.add(bucket);
  }
  return doomed;
};

/**
 * At most one automatic snapshot a day: due when none was taken in the day before `now`.
 * Snapshots dated after `now` are not counted: one taken under a clock that ran ahead must
 * never hold back the daily snapshot until the real time reaches it.
 */
export const snapshotDue = (takenAt: readonly number[], now: number): boolean =>
  !takenAt.some((at) => at <= now && !windowClosed(at, 1, now));
