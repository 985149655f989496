/**
 * A team's recent logins as the relay knows them (issue 13): when each device opened a session
 * (at most one row an hour per device) and whether the relay verified its second factor, and the unlock reports devices seal under the
 * team key (device, hour, epoch, ciphertext). No address is kept. Both are kept as long as local
 * login history by default (core/retention/windows.ts DEFAULT_LOGIN_DAYS); the relay's retention
 * sweep deletes older rows with `expireMemberLoginsBatch`.
 */
import type { Clock } from '../../core/clock';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import { MAX_MEMBER_LOGIN_ROWS, type MemberSession, type StoredUnlock, type UnlockReport } from '../../core/team/member-logins-protocol';
import type { SqlDriver } from './sql-driver';

/**
 * A device whose pages each open a session of their own (a page's worker without the sync lock)
 * would fill the list: a start within this long of the device's last one, verified alike, is not recorded.
 */
export const SESSION_ROW_GAP_MS = 60 * 60 * 1000;

export const createMemberLoginOps = (driver: SqlDriver, clock: Clock) => ({
  recordSessionStart: (team: string, device: string, twoFactorVerified: boolean): Promise<void> =>
    driver.transaction(async (tx) => {
      const now = clock.now();
      const twoFactor = twoFactorVerified ? 1 : 0;
      const recent = await tx.all(
        `SELECT 1 AS recent FROM member_sessions WHERE team_id = ? AND device_id = ? AND two_factor = ? AND started_at > ? LIMIT 1`,
        [team, device, twoFactor, now - SESSION_ROW_GAP_MS],
      );
      if (recent.length === 0) {
        await tx.run(`INSERT INTO member_sessions (team_id, device_id, started_at, two_factor) VALUES (?, ?, ?, ?)`, [team, device, now, twoFactor]);
      }
    }),

  /** Reports whose hour already left the window (a device offline that long) are not stored. */
  storeUnlocks: (team: string, device: string, unlocks: readonly UnlockReport[], keptAfter: number): Promise<number> =>
    driver.transaction(async (tx) => {
      let stored = 0;
      for (const unlock of unlocks) {
        if (unlock.bucket < keptAfter) continue;
        stored += await tx.run(
          `INSERT INTO member_unlocks (team_id, device_id, bucket, epoch, ct, received_at) VALUES (?, ?, ?, ?, ?, ?)`,
          [team, device, unlock.bucket, unlock.epoch, fromBase64Url(unlock.ct), clock.now()],
        );
      }
      return stored;
    }),

  memberSessions: async (team: string): Promise<MemberSession[]> => {
    const rows = await driver.all<{ device_id: string; member_id: string | null; started_at: number; two_factor: number }>(
      `SELECT s.device_id, d.member_id, s.started_at, s.two_factor FROM member_sessions s
       LEFT JOIN devices d ON d.team_id = s.team_id AND d.device_id = s.device_id
       WHERE s.team_id = ? ORDER BY s.started_at DESC LIMIT ?`, [team, MAX_MEMBER_LOGIN_ROWS],
    );
    return rows.map((row) => ({
      device: row.device_id, member: row.member_id, at: Number(row.started_at), twoFactorVerified: Number(row.two_factor) === 1,
    }));
  },

  memberUnlocks: async (team: string): Promise<StoredUnlock[]> => {
    const rows = await driver.all<{ device_id: string; member_id: string | null; bucket: number; epoch: number; ct: Uint8Array }>(
      `SELECT u.device_id, d.member_id, u.bucket, u.epoch, u.ct FROM member_unlocks u
       LEFT JOIN devices d ON d.team_id = u.team_id AND d.device_id = u.device_id
       WHERE u.team_id = ? ORDER BY u.bucket DESC LIMIT ?`, [team, MAX_MEMBER_LOGIN_ROWS],
    );
    return rows.map((row) => ({
      device: row.device_id, member: row.member_id, bucket: Number(row.bucket), epoch: Number(row.epoch), ct: toBase64Url(row.ct),
    }));
  },
});

/** Deletes at most `batch` session starts and `batch` unlock reports from before `before`; `more` while either filled its batch. */
export const expireMemberLoginsBatch = (
  driver: SqlDriver, before: number, batch: number, hooks: { beforeCommit?: () => void } = {},
): Promise<{ rows: number; more: boolean }> =>
  driver.transaction(async (tx) => {
    const rowId = driver.dialect === 'sqlite' ? 'rowid' : 'ctid';
    const sessions = await tx.run(
      `DELETE FROM member_sessions WHERE ${rowId} IN (SELECT ${rowId} FROM member_sessions WHERE started_at < ? LIMIT ?)`, [before, batch],
    );
    const unlocks = await tx.run(
      `DELETE FROM member_unlocks WHERE ${rowId} IN (SELECT ${rowId} FROM member_unlocks WHERE bucket < ? LIMIT ?)`, [before, batch],
    );
    hooks.beforeCommit?.();
    return { rows: sessions + unlocks, more: sessions === batch || unlocks === batch };
  });
