/**
 * Snapshots and the log's floor under the relay's retention (SYNC.md §11):
 * - snapshots are thinned by the policy local snapshots use (core/retention/snapshot-policy.ts:
 *   daily for a week, then weekly), and none is kept at or past 50 days, not even the newest;
 *   an upload left open for a day was abandoned and goes too;
 * - change sets older than 50 days go once a complete snapshot at a later seq exists, as a
 *   prefix of the log: the floor moves up to the last seq removed, and a cursor below it is
 *   answered `gone` (the device bootstraps from the snapshot, relay/server/routes.ts). Sets
 *   holding a purge or erase stay (they carry no record data): a device that loaded the snapshot
 *   reads them with `fromSnapshot`, so a record ended while it was away does not come back.
 *
 * Invariants: each batch is one transaction deleting at most `batch` rows; the floor never moves
 * past a complete snapshot's `at_seq` nor past a set younger than the window; it never goes down.
 */
import { snapshotsToDelete } from '../../core/retention/snapshot-policy';
import { DAY_MS, SNAPSHOT_MAX_DAYS, windowClosed } from '../../core/retention/windows';
import type { SqlDriver, SqlExecutor } from './sql-driver';

/** An upload still open this long after its `begin` was abandoned. */
export const OPEN_SNAPSHOT_MS = DAY_MS;
/** Teams looked at per batch. */
const TEAMS_PER_BATCH = 100;

type Hooks = { beforeCommit?: () => void };

type SnapshotStampRow = { team_id: string; id: string; created_at: number; complete: number };

/** The snapshots of these teams that retention ends now, oldest first. */
const doomedSnapshots = (rows: readonly SnapshotStampRow[], now: number): { team: string; id: string }[] => {
  const doomed: { team: string; id: string }[] = [];
  for (const team of new Set(rows.map((row) => row.team_id))) {
    const own = rows.filter((row) => row.team_id === team);
    const complete = own.filter((row) => Number(row.complete) === 1).map((row) => ({ id: row.id, takenAt: Number(row.created_at) }));
    const thinned = new Set(snapshotsToDelete(complete, now));
    for (const row of own) {
      const abandoned = Number(row.complete) === 0 && now - Number(row.created_at) >= OPEN_SNAPSHOT_MS;
      if (abandoned || thinned.has(row.id) || windowClosed(Number(row.created_at), SNAPSHOT_MAX_DAYS, now)) doomed.push({ team, id: row.id });
    }
  }
  return doomed;
};

/**
 * Deletes at most `batch` rows of snapshots retention ends, in one transaction; a snapshot whose
 * rows are all gone goes itself. Teams waiting for their cancellation's deletion are left to it.
 * How many snapshots and rows went; fewer rows than `batch` and no snapshot left means done.
 */
export const thinSnapshotsBatch = async (
  driver: SqlDriver, now: number, batch: number, hooks: Hooks = {},
): Promise<{ snapshots: number; rows: number; done: boolean }> => {
  const outcome = await driver.transaction(async (tx) => {
    let snapshots = 0;
    let rows = 0;
    let after = '';
    let done = true;
    // Bounded: at most `batch` rows and a bounded number of team pages per batch.
    for (let page = 0; page < 100 && rows < batch; page += 1) {
      const teams = (await tx.all<{ team_id: string }>(
        `SELECT DISTINCT s.team_id FROM snapshots s WHERE s.team_id > ?
           AND NOT EXISTS (SELECT 1 FROM team_cancellations c WHERE c.team_id = s.team_id)
         ORDER BY s.team_id LIMIT ?`, [after, TEAMS_PER_BATCH],
      )).map((row) => row.team_id);
      if (teams.length === 0) break;
      after = teams.at(-1) ?? after;
      const stamps = await tx.all<SnapshotStampRow>(
        `SELECT team_id, id, created_at, complete FROM snapshots WHERE team_id IN (${teams.map(() => '?').join(', ')})
         ORDER BY team_id, created_at, id`, teams,
      );
      for (const { team, id } of doomedSnapshots(stamps, now)) {
        if (rows >= batch) { done = false; break; }
        rows += await deleteRowsOf(tx, driver.dialect, team, id, batch - rows);
        const left = await tx.all(`SELECT 1 AS found FROM snapshot_rows WHERE team_id = ? AND snapshot_id = ? LIMIT 1`, [team, id]);
        if (left.length > 0) { done = false; continue; }
        snapshots += await tx.run(`DELETE FROM snapshots WHERE team_id = ? AND id = ?`, [team, id]);
      }
      if (teams.length < TEAMS_PER_BATCH) break;
      if (page === 99) done = false;
    }
    hooks.beforeCommit?.();
    return { snapshots, rows, done };
  });
  if (outcome.rows > 0) await driver.scrub();
  return outcome;
};

const deleteRowsOf = async (tx: SqlExecutor, dialect: SqlDriver['dialect'], team: string, id: string, limit: number): Promise<number> => {
  const rowId = dialect === 'sqlite' ? 'rowid' : 'ctid';
  return tx.run(
    `DELETE FROM snapshot_rows WHERE ${rowId} IN (SELECT ${rowId} FROM snapshot_rows WHERE team_id = ? AND snapshot_id = ? LIMIT ?)`,
    [team, id, limit],
  );
};

/**
 * Moves the floor of teams whose sets received at or before `receivedBefore` are covered by a
 * complete snapshot at a later seq: deletes at most `batch` of those sets (a prefix of the log),
 * in one transaction, and raises the floor. How many sets went; fewer than `batch` means done.
 */
export const truncateLogBatch = async (
  driver: SqlDriver, receivedBefore: number, batch: number, hooks: Hooks = {},
): Promise<number> =>
  driver.transaction(async (tx) => {
    // Per team: the newest complete snapshot's seq, and where the window starts (the first set still young).
    const teams = await tx.all<{ id: string; floor_seq: number; head_seq: number; covered: number; young: number | null }>(
      `SELECT t.id, t.floor_seq, t.head_seq,
         (SELECT MAX(s.at_seq) FROM snapshots s WHERE s.team_id = t.id AND s.complete = 1) AS covered,
         (SELECT MIN(c.seq) FROM change_sets c WHERE c.team_id = t.id AND c.seq > t.floor_seq AND c.received_at > ?) AS young
       FROM teams t
       WHERE EXISTS (SELECT 1 FROM change_sets c WHERE c.team_id = t.id AND c.seq > t.floor_seq AND c.received_at <= ?
                     AND c.seq <= (SELECT MAX(s.at_seq) FROM snapshots s WHERE s.team_id = t.id AND s.complete = 1))
         AND NOT EXISTS (SELECT 1 FROM team_cancellations c WHERE c.team_id = t.id)
       ORDER BY t.id LIMIT ?`,
      [receivedBefore, receivedBefore, TEAMS_PER_BATCH],
    );
    let deleted = 0;
    for (const team of teams) {
      if (deleted >= batch) break;
      const floor = Number(team.floor_seq);
      const youngFrom = team.young === null ? Number(team.head_seq) + 1 : Number(team.young);
      const target = Math.min(Number(team.covered), youngFrom - 1);
      if (target <= floor) continue;
      // A purge or erase stays below the floor: it is how a device back from the snapshot learns what ended.
      const doomed = (await tx.all<{ seq: number }>(
        `SELECT c.seq FROM change_sets c WHERE c.team_id = ? AND c.seq > ? AND c.seq <= ?
           AND NOT EXISTS (SELECT 1 FROM change_items i WHERE i.team_id = c.team_id AND i.seq = c.seq AND i.op IN ('purge', 'erase'))
         ORDER BY c.seq LIMIT ?`,
        [team.id, floor, target, batch - deleted],
      )).map((row) => Number(row.seq));
      for (const seq of doomed) {
        await tx.run(`DELETE FROM change_items WHERE team_id = ? AND seq = ?`, [team.id, seq]);
        await tx.run(`DELETE FROM change_sets WHERE team_id = ? AND seq = ?`, [team.id, seq]);
      }
      deleted += doomed.length;
      // All of the prefix went: the floor reaches the target; otherwise the last set deleted.
      const reached = doomed.length < batch - (deleted - doomed.length) ? target : (doomed.at(-1) ?? floor);
      await tx.run(`UPDATE teams SET floor_seq = ? WHERE id = ? AND floor_seq < ?`, [reached, team.id, reached]);
    }
    hooks.beforeCommit?.();
    return deleted;
  });
