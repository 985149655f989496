/**
 * Purge and erasure on the relay (SYNC.md §10), inside the push transaction that stores the
 * terminal set: every earlier item of the id loses its ciphertext, and the id becomes a
 * tombstone (SHA-256 of the id, hex, as the audit log hashes ids), so no later set may name it.
 *
 * Invariants:
 * - An item keeps `recordId`, `kind`, `op` and `h` when its `ct` goes: the set's signature
 *   covers the hash, not the ciphertext, so pull still returns a verifiable set.
 * - The terminal item keeps its own `ct` (an erase may carry sealed suppression hashes).
 * - A set naming a tombstoned id is refused whole, except with a terminal op: two devices
 *   that purge the same record concurrently must both be able to push.
 */
import { createHash } from 'node:crypto';
import { TERMINAL_OPS, type Envelope } from '../../core/sync/protocol';
import { recordErasure } from './retention-erasure';
import type { SqlExecutor } from './sql-driver';

/** SHA-256 of the id's UTF-8, lower-case hex: `sha256Hex` of core/audit/hash.ts, computed without leaving the push transaction. */
export const tombstoneHash = (recordId: string): string => createHash('sha256').update(recordId, 'utf8').digest('hex');

const isTerminal = (op: Envelope['items'][number]['op']): boolean => TERMINAL_OPS.includes(op);

/**
 * A column, 1 when the team (the fragment's one `?`) has any tombstone and 0 otherwise: most teams
 * never do, and their pushes then skip the per-set lookup. A column rather than a query of its
 * own, so a push reads it with the pushing device's row in one round trip.
 */
export const ANY_TOMBSTONE_COLUMN = `CASE WHEN EXISTS (SELECT 1 FROM tombstones WHERE team_id = ?) THEN 1 ELSE 0 END`;

/** True when a non-terminal item of the set names a purged or erased id. */
export const namesTombstone = async (tx: SqlExecutor, team: string, set: Envelope): Promise<boolean> => {
  const hashes = [...new Set(set.items.filter((item) => !isTerminal(item.op)).map((item) => tombstoneHash(item.recordId)))];
  if (hashes.length === 0) return false;
  const rows = await tx.all(
    `SELECT 1 AS found FROM tombstones WHERE team_id = ? AND id_hash IN (${hashes.map(() => '?').join(', ')}) LIMIT 1`, [team, ...hashes],
  );
  return rows.length > 0;
};

/**
 * Ends one id in the team: drops the ciphertext of its items (all but `keep`, the terminal item
 * itself) and its rows in every snapshot, keeps each touched set's `bytes` true, and records the
 * tombstone. How many ciphertexts went (items and snapshot rows). Shared by a pushed purge or
 * erase and the relay's own trash retention.
 */
export const endRecord = async (
  tx: SqlExecutor, team: string, recordId: string, ending: { op: string; seq: number; at: number; keep?: { seq: number; idx: number } },
): Promise<number> => {
  const keep = ending.keep ?? { seq: -1, idx: -1 };
  const touched = await tx.all<{ seq: number }>(
    `UPDATE change_items SET ct = NULL
     WHERE team_id = ? AND record_id = ? AND ct IS NOT NULL AND NOT (seq = ? AND idx = ?) RETURNING seq`,
    [team, recordId, keep.seq, keep.idx],
  );
  for (const touchedSeq of new Set(touched.map((row) => row.seq))) {
    // `bytes` counts the ciphertext a set still holds, for quotas and retention.
    await tx.run(
      `UPDATE change_sets SET bytes = (SELECT COALESCE(SUM(LENGTH(ct)), 0) FROM change_items WHERE team_id = ? AND seq = ?)
       WHERE team_id = ? AND seq = ?`,
      [team, touchedSeq, team, touchedSeq],
    );
  }
  await tx.run(
    `INSERT INTO tombstones (team_id, id_hash, op, seq, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [team, tombstoneHash(recordId), ending.op, ending.seq, ending.at],
  );
  // An ended record is no longer the trash sweep's to watch.
  await tx.run(`DELETE FROM trash_watch WHERE team_id = ? AND record_id = ?`, [team, recordId]);
  // Nor may any snapshot bring it back: its rows go with the items' ciphertext.
  const snapshotRows = await tx.run(`DELETE FROM snapshot_rows WHERE team_id = ? AND record_id = ?`, [team, recordId]);
  return touched.length + snapshotRows;
};

/**
 * For each terminal item of the set just stored at `seq`: drops the ciphertext of every other
 * item of that id in the team and records the tombstone; an erase also leaves the row its
 * receipt is signed from (relay/store/retention-erasure.ts). How many items lost their
 * ciphertext, and whether the set tombstoned anything.
 */
export const applyTerminalItems = async (
  tx: SqlExecutor, team: string, seq: number, set: Envelope, at: number,
): Promise<{ ciphertextsDropped: number; tombstoned: boolean }> => {
  let dropped = 0;
  let tombstoned = false;
  for (const [idx, item] of set.items.entries()) {
    if (!isTerminal(item.op)) continue;
    const itemsDeleted = await endRecord(tx, team, item.recordId, { op: item.op, seq, at, keep: { seq, idx } });
    dropped += itemsDeleted;
    tombstoned = true;
    if (item.op === 'erase') await recordErasure(tx, team, tombstoneHash(item.recordId), { seq, itemsDeleted, at });
  }
  return { ciphertextsDropped: dropped, tombstoned };
};
