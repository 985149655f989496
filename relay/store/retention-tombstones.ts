/**
 * Which of a device's ids the relay tombstoned, and whether by its own trash rule
 * (core/sync/relay-ended.ts). A tombstone names the seq it was ended at: a pushed purge or
 * erase is an item of the set at that seq; the trash sweep names the head and writes no item.
 */
import { tombstoneHash } from './tombstones';
import type { SqlDriver } from './sql-driver';

export const createTombstoneOps = (driver: SqlDriver) => ({
  tombstonesOf: async (team: string, idHashes: readonly string[]) => {
    if (idHashes.length === 0) return [];
    const rows = await driver.all<{ id_hash: string; op: string; seq: number; at: number }>(
      `SELECT id_hash, op, seq, at FROM tombstones WHERE team_id = ? AND id_hash IN (${idHashes.map(() => '?').join(', ')}) ORDER BY id_hash`,
      [team, ...idHashes],
    );
    const found = [];
    for (const row of rows) {
      const enders = await driver.all<{ record_id: string }>(
        `SELECT record_id FROM change_items WHERE team_id = ? AND seq = ? AND op IN ('purge', 'erase')`, [team, row.seq],
      );
      const bySet = enders.some((item) => tombstoneHash(item.record_id) === row.id_hash);
      found.push({ idHash: row.id_hash, op: row.op, at: Number(row.at), byTrash: !bySet });
    }
    return found;
  },
});
