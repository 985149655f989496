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
import { sha256Hex } from '../../core/audit/hash';
import { TERMINAL_OPS, type Envelope } from '../../core/sync/protocol';
import type { SqlExecutor } from './sql-driver';

export const tombstoneHash = (recordId: string): Promise<string> => sha256Hex(recordId);

const isTerminal = (op: Envelope['items'][number]['op']): boolean => TERMINAL_OPS.includes(op);

/** True when a non-terminal item of the set names a purged or erased id. */
export const namesTombstone = async (tx: SqlExecutor, team: string, set: Envelope): Promise<boolean> => {
  for (const item of set.items) {
    if (isTerminal(item.op)) continue;
    const rows = await tx.all(`SELECT 1 AS found FROM tombstones WHERE team_id = ? AND id_hash = ?`, [team, await tombstoneHash(item.recordId)]);
    if (rows.length > 0) return true;
  }
  return false;
};

/**
 * For each terminal item of the set just stored at `seq`: drops the ciphertext of every other
 * item of that id in the team and records the tombstone. Returns how many items lost their ciphertext.
 */
export const applyTerminalItems = async (tx: SqlExecutor, team: string, seq: number, set: Envelope, at: number): Promise<number> => {
  let dropped = 0;
  for (const [idx, item] of set.items.entries()) {
    if (!isTerminal(item.op)) continue;
    const touched = await tx.all<{ seq: number }>(
      `UPDATE change_items SET ct = NULL
       WHERE team_id = ? AND record_id = ? AND ct IS NOT NULL AND NOT (seq = ? AND idx = ?) RETURNING seq`,
      [team, item.recordId, seq, idx],
    );
    dropped += touched.length;
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
      [team, await tombstoneHash(item.recordId), item.op, seq, at],
    );
  }
  return dropped;
};
