/**
 * Erasure receipts on the relay (SYNC.md §10): the push transaction that stores an erase set
 * writes one row per erased id (`recordErasure`); devices read them, and acknowledge once they
 * erased locally. Signing happens when a receipt is read (relay/retention/relay-key.ts): Ed25519
 * signatures are deterministic, so every read gives the same signed receipt.
 */
import type { Clock } from '../../core/clock';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export interface ErasureRow {
  readonly team: string;
  readonly idHash: string;
  readonly seq: number;
  readonly rowsDeleted: number;
  readonly at: number;
}

/** Inside the push transaction. A second erase of the same id (two devices at once) keeps the first receipt. */
export const recordErasure = async (
  tx: SqlExecutor, team: string, idHash: string, erased: { seq: number; itemsDeleted: number; at: number },
): Promise<void> => {
  await tx.run(
    `INSERT INTO erasure_receipts (team_id, id_hash, seq, items_deleted, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [team, idHash, erased.seq, erased.itemsDeleted, erased.at],
  );
};

/** Receipts come back at most this many per read, in seq order. */
export const MAX_RECEIPTS = 500;

export const createErasureOps = (driver: SqlDriver, clock: Clock) => ({
  /** The team's erasures after relay seq `since`. */
  listErasures: async (team: string, since: number): Promise<ErasureRow[]> =>
    (await driver.all<{ id_hash: string; seq: number; items_deleted: number; at: number }>(
      `SELECT id_hash, seq, items_deleted, at FROM erasure_receipts WHERE team_id = ? AND seq > ? ORDER BY seq, id_hash LIMIT ?`,
      [team, since, MAX_RECEIPTS],
    )).map((row) => ({ team, idHash: row.id_hash, seq: row.seq, rowsDeleted: row.items_deleted, at: row.at })),

  /** Records that the device erased the id locally; false when the relay holds no such erasure. */
  acknowledgeErasure: async (team: string, idHash: string, device: string): Promise<boolean> =>
    driver.transaction(async (tx) => {
      if ((await tx.all(`SELECT 1 AS found FROM erasure_receipts WHERE team_id = ? AND id_hash = ?`, [team, idHash])).length === 0) return false;
      const now = clock.now();
      await tx.run(`INSERT INTO erasure_acks (team_id, id_hash, device_id, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, [team, idHash, device, now]);
      await tx.run(`UPDATE devices SET last_seen_at = ? WHERE team_id = ? AND device_id = ?`, [now, team, device]);
      return true;
    }),

  /** Of the team's devices not removed: how many acknowledged, and the others with when they were last seen. Undefined for an unknown erasure. */
  erasureStatus: async (team: string, idHash: string) => {
    if ((await driver.all(`SELECT 1 AS found FROM erasure_receipts WHERE team_id = ? AND id_hash = ?`, [team, idHash])).length === 0) return undefined;
    const rows = await driver.all<{ device_id: string; last_seen_at: number | null; acked: number }>(
      `SELECT d.device_id, d.last_seen_at,
         (SELECT COUNT(*) FROM erasure_acks a WHERE a.team_id = d.team_id AND a.id_hash = ? AND a.device_id = d.device_id) AS acked
       FROM devices d WHERE d.team_id = ? AND d.removed_at IS NULL ORDER BY d.added_at, d.device_id`,
      [idHash, team],
    );
    const pending = rows.filter((row) => Number(row.acked) === 0).map((row) => ({ device: row.device_id, lastSeenAt: row.last_seen_at }));
    return { idHash, devices: rows.length, acknowledged: rows.length - pending.length, pending };
  },
});
