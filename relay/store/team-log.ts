/**
 * The team membership log on the relay: stored entry by entry, appended only on the current head
 * (compare-and-append in one transaction, the team row taken first so appends of one team queue),
 * and only when the whole log plus the new entry validates (core/team, the same code every device
 * runs). From the validated state the relay keeps what it enforces: each member's role and
 * status, and which member each enrolled device acts for. A removal marks the member's devices
 * removed in the same transaction, so they are refused from the next request on.
 */
import type { Clock } from '../../core/clock';
import { admitEntry } from '../../core/team/admit';
import { refusal, type LogRefusal } from '../../core/team/refusals';
import type { MemberRole } from '../../core/team/roles';
import type { LogHead, TeamEntry } from '../../core/team/schemas';
import type { MemberStatus, TeamState } from '../../core/team/state';
import { validateLog } from '../../core/team/validate';
import { fromBase64Url } from '../../core/security/base64url';
import { settleJoinClaims } from './join-claims';
import type { SqlDriver, SqlExecutor } from './sql-driver';
import { announceTeamHead, TEAM_LOG_CHANNEL } from './team-notices';

/** The log's entries come back at most this many per read. */
export const MAX_LOG_ENTRIES = 1000;

export type LogAppend =
  | { readonly kind: 'appended'; readonly seq: number; readonly hash: string; readonly removedDevices: readonly string[] }
  | { readonly kind: 'refused'; readonly refusal: LogRefusal }
  | { readonly kind: 'unknown_team' };

/** What a device may do, from the log: a team without a log is its one owner's. */
export type DeviceAccess = { readonly role: MemberRole } | { readonly role: null };

/**
 * The team key's epoch as the log has it: 1, plus one for every removal (each rotates the key in
 * the same entry, core/team/entry-rules.ts). A team without a log is at epoch 1. A column, so a
 * push reads it with the pushing device's row in one round trip.
 */
export const CURRENT_EPOCH_COLUMN = `1 + (SELECT COUNT(*) FROM team_log WHERE team_id = ? AND type = 'remove-member')`;

const readEntries = async (db: SqlExecutor, team: string, since = 0, limit = Number.MAX_SAFE_INTEGER): Promise<TeamEntry[]> =>
  (await db.all<{ entry: string }>(`SELECT entry FROM team_log WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?`, [team, since, limit]))
    .map((row) => JSON.parse(row.entry) as TeamEntry);

const readHead = async (db: SqlExecutor, team: string): Promise<LogHead> => {
  const row = (await db.all<{ seq: number; hash: string; at: number }>(
    `SELECT seq, hash, at FROM team_log WHERE team_id = ? ORDER BY seq DESC LIMIT 1`, [team],
  ))[0];
  return row ? { seq: row.seq, hash: row.hash, at: row.at } : { seq: 0, hash: null, at: 0 };
};

/** Writes what the relay enforces from the state the new entry made. */
const deriveAccess = async (tx: SqlExecutor, state: TeamState, signer: string, now: number): Promise<string[]> => {
  for (const member of state.members.values()) {
    await tx.run(
      `INSERT INTO team_members (team_id, member_id, role, can_export, status) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id, member_id) DO UPDATE SET role = excluded.role, can_export = excluded.can_export, status = excluded.status`,
      [state.team, member.member, member.role, member.canExport ? 1 : 0, member.status],
    );
  }
  const removed: string[] = [];
  for (const device of state.devices.values()) {
    if (device.status === 'active') {
      const signPub = fromBase64Url(device.device.signPub);
      if (!signPub) throw new TypeError('A validated log holds base64url keys');
      // A confirmed device can now open a session; one enrolled before the log (the owner's) learns its member.
      await tx.run(
        `INSERT INTO devices (team_id, device_id, sign_pub, added_at, added_by, member_id) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (team_id, device_id) DO UPDATE SET member_id = excluded.member_id`,
        [state.team, device.device.id, signPub, now, signer, device.member],
      );
    }
  }
  for (const member of state.members.values()) {
    if (member.status !== 'removed') continue;
    const rows = await tx.all<{ device_id: string }>(
      `UPDATE devices SET removed_at = ? WHERE team_id = ? AND member_id = ? AND removed_at IS NULL RETURNING device_id`,
      [now, state.team, member.member],
    );
    removed.push(...rows.map((row) => row.device_id));
  }
  return removed;
};

export const createTeamLogOps = (driver: SqlDriver, clock: Clock) => ({
  /** Entries after `since`, in order, and the head. */
  readTeamLog: async (team: string, since: number): Promise<{ entries: TeamEntry[]; head: LogHead }> => ({
    entries: await readEntries(driver, team, since, MAX_LOG_ENTRIES), head: await readHead(driver, team),
  }),

  /** An invite entry by its id (for the invitee, who has no session yet), and the head to join on. */
  findInvite: async (team: string, inviteId: string): Promise<{ invite: TeamEntry; head: LogHead; member?: MemberStatus } | undefined> => {
    const rows = await driver.all<{ entry: string }>(`SELECT entry FROM team_log WHERE team_id = ? AND type = 'invite' ORDER BY seq`, [team]);
    const invite = rows.map((row) => JSON.parse(row.entry) as TeamEntry)
      .find((entry) => entry.body.type === 'invite' && entry.body.inviteId === inviteId);
    if (invite?.body.type !== 'invite') return undefined;
    const status = (await driver.all<{ status: MemberStatus }>(
      `SELECT status FROM team_members WHERE team_id = ? AND member_id = ?`, [team, invite.body.member],
    ))[0]?.status;
    return { invite, head: await readHead(driver, team), ...(status ? { member: status } : {}) };
  },

  /**
   * Appends `entry` if it is built on the head and the log with it validates; the team row is
   * taken first, so two appends on one head cannot both pass. A join's sealed `claim` is kept with it.
   */
  appendTeamEntry: (team: string, entry: TeamEntry, claim?: string): Promise<LogAppend> =>
    driver.transaction(async (tx): Promise<LogAppend> => {
      const locked = await tx.all<{ log_seq: number }>(`UPDATE teams SET log_seq = log_seq WHERE id = ? RETURNING log_seq`, [team]);
      if (!locked[0]) return { kind: 'unknown_team' };
      const now = clock.now();
      const entries = await readEntries(tx, team);
      let state: TeamState | null = null;
      if (entries.length > 0) {
        const validated = await validateLog(entries, { clock });
        // What the relay stored validated when it was appended: a failure now is a damaged database, not a client's fault.
        if (!validated.ok) throw new Error(`The stored team log no longer validates: ${validated.error.type} at ${validated.error.seq}`);
        state = validated.value;
      }
      if (entry.team !== team) return { kind: 'refused', refusal: refusal('wrong-team', entry.seq) };
      const admitted = await admitEntry(state, entry, { now, fresh: true });
      if (!admitted.ok) return { kind: 'refused', refusal: admitted.error };
      const { head } = admitted.value;
      await tx.run(
        `INSERT INTO team_log (team_id, seq, hash, type, signer, entry, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [team, head.seq, head.hash, entry.body.type, entry.signer, JSON.stringify(entry), entry.at],
      );
      await tx.run(`UPDATE teams SET log_seq = ? WHERE id = ?`, [head.seq, team]);
      const removedDevices = await deriveAccess(tx, admitted.value, entry.signer, now);
      await settleJoinClaims(tx, team, entry, claim);
      await tx.run(`UPDATE teams SET two_factor_required = ? WHERE id = ?`, [admitted.value.twoFactorRequired ? 1 : 0, team]);
      // Devices the owner enrolled before the log began act for the owner.
      if (entry.body.type === 'genesis') {
        await tx.run(`UPDATE devices SET member_id = ? WHERE team_id = ? AND member_id IS NULL`, [entry.body.member, team]);
      }
      await announceTeamHead(driver, tx, team, head.seq, TEAM_LOG_CHANNEL);
      return { kind: 'appended', seq: head.seq, hash: head.hash, removedDevices };
    }),

  /** The role a device pushes with: null role for a team that has no log yet (a team of one). */
  deviceAccess: async (team: string, device: string): Promise<DeviceAccess> => {
    const rows = await driver.all<{ log_seq: number; role: string | null; status: string | null }>(
      `SELECT t.log_seq, m.role, m.status FROM teams t
       LEFT JOIN devices d ON d.team_id = t.id AND d.device_id = ?
       LEFT JOIN team_members m ON m.team_id = t.id AND m.member_id = d.member_id
       WHERE t.id = ?`, [device, team],
    );
    const row = rows[0];
    if (!row || row.log_seq === 0) return { role: null };
    // A device of no active member of a team with a log may do nothing a role allows.
    return { role: row.status === 'active' ? (row.role as MemberRole) : 'read-only' };
  },

  /** The member a device acts for, or null (a team without a log). */
  deviceMember: async (team: string, device: string): Promise<string | null> =>
    (await driver.all<{ member_id: string | null }>(`SELECT member_id FROM devices WHERE team_id = ? AND device_id = ?`, [team, device]))[0]?.member_id ?? null,
});
