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
import type { SqlExecutor } from './sql-driver';

/** SHA-256 of the id's UTF-8, lower-case hex: `sha256Hex` of core/audit/hash.ts, computed without leaving the push transaction. */
export const tombstoneHash = (recordId: string): string => createHash('sha256').update(recordId, 'utf8').digest('hex');

const isTerminal = (op: Envelope['items'][number]['op']): boolean => TERMINAL_OPS.includes(op);

/** Whether the team has any tombstone: most never do, and their pushes then skip the per-set lookup. */
export const hasTombstones = async (tx: SqlExecutor, team: string): Promise<boolean> =>
  (await tx.all(`SELECT 1 AS found FROM tombstones WHERE team_id = ? LIMIT 1`, [team])).length > 0;

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
 * For each terminal item of the set just stored at `seq`: drops the ciphertext of every other
 * item of that id in the team and records the tombstone: how many items lost their ciphertext,
 * and whether the set tombstoned anything.
 */
export const applyTerminalItems = async (
  tx: SqlExecutor, team: string, seq: number, set: Envelope, at: number,
): Promise<{ ciphertextsDropped: number; tombstoned: boolean }> => {
  let dropped = 0;
  let tombstoned = false;
  for (const [idx, item] of set.items.entries()) {
    if (!isTerminal(item.op)) continue;
    const touched = await tx.all<{ seq: number }>(
      `UPDATE change_items SET ct = NULL
       WHERE team_id = ? AND record_id = ? AND ct IS NOT NULL AND NOT (seq = ? AND idx = ?) RETURNING seq`,
      [team, item.recordId, seq, idx],
    );
    dropped += touched.length;
    tombstoned = true;
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
      [team, tombstoneHash(item.recordId), item.op, seq, at],
    );
  }
  return { ciphertextsDropped: dropped, tombstoned };
};
