/**
 * Trash retention on the relay (SYNC.md §11): the relay sees ops in the clear, so the push
 * transaction keeps, per record, the HLC-latest `delete` (move to trash) or `restore` in
 * `trash_watch`; the sweep ends every record trashed on the relay more than 30 days ago like a
 * purge (ciphertext of all its items gone, id tombstoned).
 *
 * Invariants:
 * - Order is the writers' HLC order (`set_id`), not arrival order: a restore made before a trash
 *   that reaches the relay after it does not cancel the trash, as it does not on any device.
 * - `trashed_at` is the relay's clock when the deciding trash arrived: the relay never ends a record
 *   sooner than 30 days after it learned of its trash, so a device (which purges 30 days after its
 *   own `deletedAt`) has always purged or restored first when it is online.
 * - One batch is one transaction that takes each team's row first, like a push, so no push of
 *   the team interleaves; a watch row changed since it was listed is re-read inside and skipped.
 */
import type { Envelope } from '../../core/sync/protocol';
import { endRecord } from './tombstones';
import type { SqlDriver, SqlExecutor } from './sql-driver';

/** Inside the push transaction, for the set just stored. */
export const watchTrash = async (tx: SqlExecutor, team: string, set: Envelope, receivedAt: number): Promise<void> => {
  for (const item of set.items) {
    if (item.op !== 'delete' && item.op !== 'restore') continue;
    await tx.run(
      `INSERT INTO trash_watch (team_id, record_id, set_id, trashed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, record_id) DO UPDATE SET set_id = excluded.set_id, trashed_at = excluded.trashed_at
       WHERE trash_watch.set_id < excluded.set_id`,
      [team, item.recordId, set.setId, item.op === 'delete' ? receivedAt : null],
    );
  }
};

/**
 * Ends at most `batch` records trashed at or before `trashedBefore`, in one transaction. Records
 * of a cancelled team wait for the team's own deletion. How many records ended and how many items
 * lost their ciphertext; zero records means nothing more is due.
 */
export const endTrashedBatch = async (
  driver: SqlDriver, trashedBefore: number, now: number, batch: number, hooks: { beforeCommit?: () => void } = {},
): Promise<{ records: number; itemsDropped: number }> => {
  const outcome = await driver.transaction(async (tx) => {
    const due = await tx.all<{ team_id: string; record_id: string }>(
      `SELECT team_id, record_id FROM trash_watch w WHERE trashed_at IS NOT NULL AND trashed_at <= ?
         AND NOT EXISTS (SELECT 1 FROM team_cancellations c WHERE c.team_id = w.team_id)
       ORDER BY trashed_at, team_id, record_id LIMIT ?`,
      [trashedBefore, batch],
    );
    let itemsDropped = 0;
    for (const team of [...new Set(due.map((row) => row.team_id))].sort()) {
      const locked = await tx.all<{ head_seq: number }>(`UPDATE teams SET head_seq = head_seq + 0 WHERE id = ? RETURNING head_seq`, [team]);
      const head = locked[0]?.head_seq ?? 0;
      for (const { record_id: recordId } of due.filter((row) => row.team_id === team)) {
        const still = await tx.all(
          `SELECT 1 AS found FROM trash_watch WHERE team_id = ? AND record_id = ? AND trashed_at IS NOT NULL AND trashed_at <= ?`,
          [team, recordId, trashedBefore],
        );
        if (still.length === 0) continue;
        // The tombstone names the head it was ended at: no set of the relay's own ends it.
        itemsDropped += await endRecord(tx, team, recordId, { op: 'purge', seq: head, at: now });
      }
    }
    hooks.beforeCommit?.();
    return { records: due.length, itemsDropped };
  });
  if (outcome.itemsDropped > 0) await driver.scrub();
  return outcome;
};
