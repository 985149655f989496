/**
 * Joiners' sealed claims (core/team/join-claim.ts): opaque bytes the relay keeps beside a join
 * while it waits for an admin, written in the join's own transaction and deleted in the one that
 * confirms or declines it, so the relay holds a claim no longer than the join is pending.
 */
import type { TeamEntry } from '../../core/team/schemas';
import type { SqlDriver, SqlExecutor } from './sql-driver';

/** Inside the append of `entry`: a join keeps its claim; a confirmation or removal drops its member's. */
export const settleJoinClaims = async (tx: SqlExecutor, team: string, entry: TeamEntry, claim: string | undefined): Promise<void> => {
  const { body } = entry;
  if (body.type === 'join' && claim !== undefined) {
    await tx.run(
      `INSERT INTO team_join_claims (team_id, invite_id, member_id, device_id, claim) VALUES (?, ?, ?, ?, ?)`,
      [team, body.inviteId, body.member, body.device.id, claim],
    );
  }
  if (body.type === 'confirm' || body.type === 'remove-member') {
    await tx.run(`DELETE FROM team_join_claims WHERE team_id = ? AND member_id = ?`, [team, body.member]);
  }
};

export const createJoinClaimOps = (driver: SqlDriver) => ({
  /** The claims of the team's pending joins. */
  joinClaims: async (team: string): Promise<{ inviteId: string; device: string; claim: string }[]> =>
    (await driver.all<{ invite_id: string; device_id: string; claim: string }>(
      `SELECT invite_id, device_id, claim FROM team_join_claims WHERE team_id = ? ORDER BY invite_id`, [team],
    )).map((row) => ({ inviteId: row.invite_id, device: row.device_id, claim: row.claim })),
});
