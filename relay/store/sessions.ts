/**
 * Single-use auth nonces and session tokens (stored as SHA-256 only), expired by the injected clock.
 */
import type { Clock } from '../../core/clock';
import type { SqlDriver } from './sql-driver';

export interface ResolvedSession {
  readonly team: string;
  readonly device: string;
  readonly removed: boolean;
  /** Present when the session's start was verified by a second factor. */
  readonly twoFactorVerifiedAt?: number;
  /** Present while the team's log requires two-factor. */
  readonly twoFactorRequired?: true;
}

export const createSessionOps = (driver: SqlDriver, clock: Clock) => ({
  issueNonce: async (team: string, device: string, nonce: Uint8Array, ttlMs: number): Promise<void> => {
    await driver.run(`INSERT INTO nonces (nonce, team_id, device_id, expires_at) VALUES (?, ?, ?, ?)`, [nonce, team, device, clock.now() + ttlMs]);
  },

  /** True once per nonce, and only for the team and device it was issued to, before it expires. */
  consumeNonce: async (team: string, device: string, nonce: Uint8Array): Promise<boolean> => {
    const rows = await driver.all(
      `DELETE FROM nonces WHERE nonce = ? AND team_id = ? AND device_id = ? AND expires_at > ? RETURNING nonce`, [nonce, team, device, clock.now()],
    );
    return rows.length === 1;
  },

  /** `twoFactorAt`: when the relay verified the WebAuthn assertion this session started with, if any. */
  createSession: async (team: string, device: string, tokenHash: Uint8Array, expiresAt: number, twoFactorAt: number | null = null): Promise<void> => {
    await driver.run(
      `INSERT INTO sessions (token_hash, team_id, device_id, expires_at, two_factor_at) VALUES (?, ?, ?, ?, ?)`,
      [tokenHash, team, device, expiresAt, twoFactorAt],
    );
  },

  /**
   * The session's team and device, whether that device was removed since, when its start was
   * verified by a second factor, and whether the team requires one now; undefined when expired or unknown.
   */
  resolveSession: async (tokenHash: Uint8Array): Promise<ResolvedSession | undefined> => {
    const row = (await driver.all<{
      team_id: string; device_id: string; removed_at: number | null; two_factor_at: number | null; two_factor_required: number;
    }>(
      `SELECT s.team_id, s.device_id, d.removed_at, s.two_factor_at, t.two_factor_required FROM sessions s
       JOIN devices d ON d.team_id = s.team_id AND d.device_id = s.device_id JOIN teams t ON t.id = s.team_id
       WHERE s.token_hash = ? AND s.expires_at > ?`, [tokenHash, clock.now()],
    ))[0];
    return row && {
      team: row.team_id, device: row.device_id, removed: row.removed_at !== null,
      ...(row.two_factor_at === null ? {} : { twoFactorVerifiedAt: Number(row.two_factor_at) }),
      ...(Number(row.two_factor_required) === 1 ? { twoFactorRequired: true as const } : {}),
    };
  },

  /** Drops expired nonces and sessions; the relay runs it on a timer. */
  sweepExpired: async (): Promise<{ nonces: number; sessions: number }> => {
    const now = clock.now();
    return {
      nonces: await driver.run(`DELETE FROM nonces WHERE expires_at <= ?`, [now]),
      sessions: await driver.run(`DELETE FROM sessions WHERE expires_at <= ?`, [now]),
    };
  },
});
