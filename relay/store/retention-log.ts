/**
 * The change log's window on the relay (SYNC.md §11): no set older than 50 days stays unless it
 * still carries current state. A set goes once it is older than the window and none of its items
 * holds ciphertext any more (every record in it was purged, erased or ended by trash retention)
 * and none is a purge or an erase: those terminal items are how a device that was away learns
 * that a record ended, and carry no record data. Vacant sets (nothing in them) go too.
 *
 * Sets that still hold a live record's ciphertext go too once a later snapshot covers them
 * (retention-snapshots.ts, which moves the log's floor); until one exists they stay, since they
 * are what a new device builds current state from.
 * A device whose cursor stood on a removed set finds it gone and bootstraps again from seq 0
 * (core/sync/engine/regression.ts `cursorSetMoved`), re-pushing whatever the relay lacks.
 */
import type { SqlDriver } from './sql-driver';

/** Deletes at most `batch` ended sets received at or before `receivedBefore`, in one transaction; how many. */
export const compactEndedSetsBatch = async (
  driver: SqlDriver, receivedBefore: number, batch: number, hooks: { beforeCommit?: () => void } = {},
): Promise<number> =>
  driver.transaction(async (tx) => {
    const ended = await tx.all<{ team_id: string; seq: number }>(
      `SELECT s.team_id, s.seq FROM change_sets s WHERE s.received_at <= ?
         AND NOT EXISTS (SELECT 1 FROM change_items i WHERE i.team_id = s.team_id AND i.seq = s.seq
                         AND (i.ct IS NOT NULL OR i.op IN ('purge', 'erase')))
       ORDER BY s.received_at, s.team_id, s.seq LIMIT ?`,
      [receivedBefore, batch],
    );
    for (const { team_id: team, seq } of ended) {
      await tx.run(`DELETE FROM change_items WHERE team_id = ? AND seq = ?`, [team, seq]);
      await tx.run(`DELETE FROM change_sets WHERE team_id = ? AND seq = ?`, [team, seq]);
    }
    hooks.beforeCommit?.();
    return ended.length;
  });
