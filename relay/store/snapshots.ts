/**
 * Encrypted snapshots on the relay (SYNC.md §7.2, §11): a writer device uploads the team's current
 * state as one sealed row per record (begin → rows → commit); any member reads the latest complete
 * one back by pages. The relay sees record ids and kinds, never the state.
 *
 * Invariants:
 * - Only a complete snapshot is listed or read: a device bootstraps from nothing half-written.
 * - No row of a purged or erased id is ever stored (its tombstone refuses it), and ending an id
 *   deletes its rows from every snapshot (relay/store/tombstones.ts `endRecord`): a snapshot
 *   never brings back what the log ended.
 * - A snapshot's `at_seq` is at most the head when it began: it covers sets the relay holds.
 * - At most MAX_OPEN_SNAPSHOTS uploads are open per team; an abandoned one is the sweep's after a
 *   day (relay/store/retention-snapshots.ts), so a failed upload simply starts over.
 */
import type { Clock } from '../../core/clock';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { SnapshotInfo, SnapshotRow } from '../../core/sync/snapshot-protocol';
import { tombstoneHash } from './tombstones';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export const MAX_OPEN_SNAPSHOTS = 4;

export type SnapshotBegin = { readonly snapshotId: string } | { readonly refused: 'ahead' | 'busy' };
export type SnapshotWrite = { readonly stored: number } | { readonly refused: 'not_found' };

type SnapshotRowRecord = { record_id: string; kind: string; ct: Uint8Array };

export const createSnapshotOps = (driver: SqlDriver, clock: Clock, randomBytes: (n: number) => Uint8Array) => {
  /** The uploader's own open snapshot, or nothing: a device adds rows only to what it began. */
  const openSnapshotOf = async (db: SqlExecutor, team: string, device: string, id: string): Promise<boolean> =>
    (await db.all(
      `SELECT 1 AS found FROM snapshots WHERE team_id = ? AND id = ? AND device_id = ? AND complete = 0`, [team, id, device],
    )).length > 0;

  return {
    /** Sets at or below the floor may be gone from the log. */
    logFloor: async (team: string): Promise<number> =>
      Number((await driver.all<{ floor_seq: number }>(`SELECT floor_seq FROM teams WHERE id = ?`, [team]))[0]?.floor_seq ?? 0),

    beginSnapshot: (team: string, device: string, atSeq: number, epoch: number): Promise<SnapshotBegin> =>
      driver.transaction(async (tx) => {
        const head = Number((await tx.all<{ head_seq: number }>(`SELECT head_seq FROM teams WHERE id = ?`, [team]))[0]?.head_seq ?? 0);
        if (atSeq > head) return { refused: 'ahead' as const };
        const open = await tx.all<{ n: number }>(`SELECT COUNT(*) AS n FROM snapshots WHERE team_id = ? AND complete = 0`, [team]);
        if (Number(open[0]?.n ?? 0) >= MAX_OPEN_SNAPSHOTS) return { refused: 'busy' as const };
        const snapshotId = toBase64Url(randomBytes(16));
        await tx.run(
          `INSERT INTO snapshots (team_id, id, at_seq, epoch, created_at, device_id) VALUES (?, ?, ?, ?, ?, ?)`,
          [team, snapshotId, atSeq, epoch, clock.now(), device],
        );
        return { snapshotId };
      }),

    /** Stores a page of rows; a row already stored (a retried page) or of an ended id is skipped. */
    addSnapshotRows: async (team: string, device: string, snapshotId: string, rows: readonly SnapshotRow[]): Promise<SnapshotWrite> =>
      driver.transaction(async (tx) => {
        if (!(await openSnapshotOf(tx, team, device, snapshotId))) return { refused: 'not_found' as const };
        const hashes = [...new Set(rows.map((row) => tombstoneHash(row.recordId)))];
        const ended = new Set((await tx.all<{ id_hash: string }>(
          `SELECT id_hash FROM tombstones WHERE team_id = ? AND id_hash IN (${hashes.map(() => '?').join(', ')})`, [team, ...hashes],
        )).map((row) => row.id_hash));
        let stored = 0;
        for (const row of rows) {
          if (ended.has(tombstoneHash(row.recordId))) continue;
          const inserted = await tx.all(
            `INSERT INTO snapshot_rows (team_id, snapshot_id, record_id, kind, ct) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING RETURNING record_id`,
            [team, snapshotId, row.recordId, row.kind, fromBase64Url(row.ct) ?? new Uint8Array()],
          );
          stored += inserted.length;
        }
        return { stored };
      }),

    commitSnapshot: async (team: string, device: string, snapshotId: string): Promise<boolean> =>
      (await driver.run(
        `UPDATE snapshots SET complete = 1 WHERE team_id = ? AND id = ? AND device_id = ? AND complete = 0`, [team, snapshotId, device],
      )) > 0,

    /** The newest complete snapshot (highest `at_seq`, then newest), with the log's floor and head. */
    latestSnapshot: async (team: string): Promise<{ floor: number; head: number; snapshot: SnapshotInfo | null }> => {
      const teamRow = (await driver.all<{ floor_seq: number; head_seq: number }>(
        `SELECT floor_seq, head_seq FROM teams WHERE id = ?`, [team],
      ))[0];
      const row = (await driver.all<{ id: string; at_seq: number; epoch: number; created_at: number }>(
        `SELECT id, at_seq, epoch, created_at FROM snapshots WHERE team_id = ? AND complete = 1
         ORDER BY at_seq DESC, created_at DESC, id LIMIT 1`, [team],
      ))[0];
      return {
        floor: Number(teamRow?.floor_seq ?? 0), head: Number(teamRow?.head_seq ?? 0),
        snapshot: row ? { id: row.id, atSeq: Number(row.at_seq), epoch: Number(row.epoch), createdAt: Number(row.created_at) } : null,
      };
    },

    /** Rows of a complete snapshot after `afterRecordId`, in record id order; undefined for no such snapshot. */
    snapshotPage: async (team: string, snapshotId: string, afterRecordId: string, limit: number): Promise<{ rows: SnapshotRow[]; more: boolean } | undefined> => {
      const found = await driver.all(`SELECT 1 AS found FROM snapshots WHERE team_id = ? AND id = ? AND complete = 1`, [team, snapshotId]);
      if (found.length === 0) return undefined;
      const rows = await driver.all<SnapshotRowRecord>(
        `SELECT record_id, kind, ct FROM snapshot_rows WHERE team_id = ? AND snapshot_id = ? AND record_id > ?
         ORDER BY record_id LIMIT ?`, [team, snapshotId, afterRecordId, limit + 1],
      );
      return {
        rows: rows.slice(0, limit).map((row) => ({ recordId: row.record_id, kind: row.kind, ct: toBase64Url(row.ct) })),
        more: rows.length > limit,
      };
    },
  };
};
