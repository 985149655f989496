/**
 * A cancelled team on the relay (SYNC.md §11): an owner-signed cancellation refuses every read and
 * write of the team at once; a signed restore within 14 days lifts it with nothing lost; after 14
 * days the sweep deletes every row of the team in every table, in bounded batches, and keeps only
 * the SHA-256 of its id in `team_tombstones`, so the id is never served again.
 *
 * Invariants:
 * - The cancellation row and the team row go last, in the batch that writes the tombstone: until
 *   then the team stays refused, so a sweep killed between batches resumes a team nobody can use.
 * - "Every table" is read from the schema each time (every table with a `team_id` column), so a
 *   table added by a later migration is emptied too without being listed here.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { CANCELLATION_DAYS, windowClosed } from '../../core/retention/windows';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export const teamHash = (team: string): string => createHash('sha256').update(team, 'utf8').digest('hex');

export interface TeamCancellation {
  readonly team: string;
  /** Relay time the cancellation arrived: the 14 days run from here on the relay. */
  readonly cancelledAt: number;
  /** The owner's device that signed it, the time it signed at and its signature (core/sync/team-cancellation.ts). */
  readonly device: string;
  readonly signedAt: number;
  readonly nonce: string;
  readonly sig: string;
}

export type RestoreOutcome = 'restored' | 'not_cancelled' | 'expired';

/** The tables holding rows of teams, from the schema itself; `team_cancellations` is left to the last batch. */
const teamTables = async (db: SqlExecutor, dialect: SqlDriver['dialect']): Promise<string[]> => {
  const rows = dialect === 'sqlite'
    ? await db.all<{ name: string }>(
      `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'team_id' ORDER BY m.name`,
    )
    : await db.all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'team_id' ORDER BY table_name`,
    );
  return rows.map((row) => row.name).filter((name) => name !== 'team_cancellations' && /^[a-z_][a-z0-9_]*$/.test(name));
};

export const createTeamRetentionOps = (driver: SqlDriver, clock: Clock) => {
  const readCancellation = async (db: SqlExecutor, team: string): Promise<TeamCancellation | undefined> => {
    const row = (await db.all<{ cancelled_at: number; device_id: string; signed_at: number; nonce: string; sig: string }>(
      `SELECT cancelled_at, device_id, signed_at, nonce, sig FROM team_cancellations WHERE team_id = ?`, [team],
    ))[0];
    return row && { team, cancelledAt: row.cancelled_at, device: row.device_id, signedAt: row.signed_at, nonce: row.nonce, sig: row.sig };
  };

  return {
    teamCancellation: (team: string): Promise<TeamCancellation | undefined> => readCancellation(driver, team),

    /** Cancelled, or deleted after its cancellation: every read and write is refused. */
    teamRefused: async (team: string): Promise<boolean> =>
      (await driver.all(
        `SELECT 1 AS found FROM team_cancellations WHERE team_id = ? UNION ALL SELECT 1 AS found FROM team_tombstones WHERE team_hash = ?`,
        [team, teamHash(team)],
      )).length > 0,

    /** Deleted after its cancellation: only the tombstone is left, and nothing may write the id again. */
    teamDeleted: async (team: string): Promise<boolean> =>
      (await driver.all(`SELECT 1 AS found FROM team_tombstones WHERE team_hash = ?`, [teamHash(team)])).length > 0,

    /** Stores a verified cancellation; a second one keeps the first (its 14 days keep running). */
    cancelTeam: async (cancellation: Omit<TeamCancellation, 'cancelledAt'>): Promise<'cancelled' | 'already_cancelled'> => {
      const rows = await driver.all(
        `INSERT INTO team_cancellations (team_id, cancelled_at, device_id, signed_at, nonce, sig) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING team_id`,
        [cancellation.team, clock.now(), cancellation.device, cancellation.signedAt, cancellation.nonce, cancellation.sig],
      );
      return rows.length > 0 ? 'cancelled' : 'already_cancelled';
    },

    /** Lifts a cancellation while its 14 days run; after them the team is the sweep's to delete. */
    restoreTeam: (team: string): Promise<RestoreOutcome> =>
      driver.transaction(async (tx) => {
        const cancellation = await readCancellation(tx, team);
        if (!cancellation) return 'not_cancelled';
        if (windowClosed(cancellation.cancelledAt, CANCELLATION_DAYS, clock.now())) return 'expired';
        await tx.run(`DELETE FROM team_cancellations WHERE team_id = ?`, [team]);
        return 'restored';
      }),
  };
};

/** Teams whose cancellation arrived at or before `cancelledBefore`, oldest first. */
export const teamsDueForDeletion = async (driver: SqlDriver, cancelledBefore: number, limit: number): Promise<string[]> =>
  (await driver.all<{ team_id: string }>(
    `SELECT team_id FROM team_cancellations WHERE cancelled_at <= ? ORDER BY cancelled_at, team_id LIMIT ?`, [cancelledBefore, limit],
  )).map((row) => row.team_id);

/**
 * Deletes at most `batch` rows of the team in one transaction. Once no table holds any, the same
 * transaction deletes the team and its cancellation and writes the tombstone. How many rows went,
 * and whether the team is gone.
 */
export const deleteTeamBatch = async (
  driver: SqlDriver, team: string, now: number, batch: number, hooks: { beforeCommit?: () => void } = {},
): Promise<{ rows: number; done: boolean }> => {
  const outcome = await driver.transaction(async (tx) => {
    const rowId = driver.dialect === 'sqlite' ? 'rowid' : 'ctid';
    let rows = 0;
    for (const table of await teamTables(tx, driver.dialect)) {
      if (rows >= batch) break;
      rows += await tx.run(
        `DELETE FROM "${table}" WHERE ${rowId} IN (SELECT ${rowId} FROM "${table}" WHERE team_id = ? LIMIT ?)`, [team, batch - rows],
      );
    }
    let done = false;
    if (rows < batch) {
      // Nothing of the team is left but these two rows: they go with the tombstone, at once.
      rows += await tx.run(`DELETE FROM teams WHERE id = ?`, [team]);
      rows += await tx.run(`DELETE FROM team_cancellations WHERE team_id = ?`, [team]);
      await tx.run(`INSERT INTO team_tombstones (team_hash, deleted_at) VALUES (?, ?) ON CONFLICT DO NOTHING`, [teamHash(team), now]);
      done = true;
    }
    hooks.beforeCommit?.();
    return { rows, done };
  });
  if (outcome.rows > 0) await driver.scrub();
  return outcome;
};
