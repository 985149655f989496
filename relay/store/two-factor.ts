/**
 * What the relay keeps to verify a member's second factor itself: each member's registered
 * WebAuthn credentials (id, COSE public key, sign counter, the extension origin it was made on),
 * single-use challenges bound to one device, and whether the team's log requires two-factor.
 *
 * Invariants:
 * - A challenge is good once, for the team and device it was issued to, before it expires.
 * - A credential's sign counter only moves forward: the update is a compare-and-set, so two
 *   replays of one assertion racing each other cannot both pass.
 */
import type { Clock } from '../../core/clock';
import type { SqlDriver } from './sql-driver';

export interface TwoFactorKeyRow {
  readonly id: string;
  readonly member: string;
  readonly publicKey: Uint8Array;
  readonly signCount: number;
  readonly transports: readonly string[];
  /** The extension origin the credential was registered on; its RP ID follows from it. */
  readonly origin: string;
  readonly createdAt: number;
  readonly lastVerifiedAt: number | null;
}

/** Per member of the team's log: whether the relay holds a key of theirs, and when it last verified one. */
export interface MemberTwoFactorRow {
  readonly member: string;
  readonly registered: boolean;
  readonly lastVerifiedAt: number | null;
}

type KeyColumns = {
  credential_id: string; member_id: string; public_key: Uint8Array; sign_count: number; transports: string; origin: string;
  created_at: number; last_verified_at: number | null;
};

const toKeyRow = (row: KeyColumns): TwoFactorKeyRow => ({
  id: row.credential_id, member: row.member_id, publicKey: row.public_key, signCount: Number(row.sign_count),
  transports: JSON.parse(row.transports) as string[], origin: row.origin, createdAt: Number(row.created_at),
  lastVerifiedAt: row.last_verified_at === null ? null : Number(row.last_verified_at),
});

export const createTwoFactorOps = (driver: SqlDriver, clock: Clock) => ({
  issueTwoFactorChallenge: async (team: string, device: string, challenge: string, ttlMs: number): Promise<number> => {
    const now = clock.now();
    // Expired challenges of this device go as new ones come: the table stays the size of the ceremonies under way.
    await driver.run(`DELETE FROM two_factor_challenges WHERE team_id = ? AND device_id = ? AND expires_at <= ?`, [team, device, now]);
    await driver.run(
      `INSERT INTO two_factor_challenges (challenge, team_id, device_id, expires_at) VALUES (?, ?, ?, ?)`, [challenge, team, device, now + ttlMs],
    );
    return now + ttlMs;
  },

  /** True once per challenge, and only for the team and device it was issued to, before it expires. */
  consumeTwoFactorChallenge: async (team: string, device: string, challenge: string): Promise<boolean> =>
    (await driver.all(
      `DELETE FROM two_factor_challenges WHERE challenge = ? AND team_id = ? AND device_id = ? AND expires_at > ? RETURNING challenge`,
      [challenge, team, device, clock.now()],
    )).length === 1,

  twoFactorKeys: async (team: string, member: string): Promise<TwoFactorKeyRow[]> =>
    (await driver.all<KeyColumns>(
      `SELECT credential_id, member_id, public_key, sign_count, transports, origin, created_at, last_verified_at
       FROM two_factor_keys WHERE team_id = ? AND member_id = ? ORDER BY created_at, credential_id`, [team, member],
    )).map(toKeyRow),

  /** 'exists' when that credential id is already registered in the team (to this member or another). */
  addTwoFactorKey: async (
    team: string, key: Omit<TwoFactorKeyRow, 'createdAt' | 'lastVerifiedAt'>,
  ): Promise<'added' | 'exists'> =>
    (await driver.all(
      `INSERT INTO two_factor_keys (team_id, member_id, credential_id, public_key, sign_count, transports, origin, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING credential_id`,
      [team, key.member, key.id, key.publicKey, key.signCount, JSON.stringify(key.transports), key.origin, clock.now()],
    )).length === 1 ? 'added' : 'exists',

  /**
   * Records a verified assertion: the new counter, if it is still ahead of the stored one (or both
   * are zero, for authenticators without a counter), and the time. False when another request moved
   * the counter first (that assertion was a replay): null. Else the time recorded.
   */
  recordTwoFactorUse: async (team: string, credentialId: string, storedSignCount: number, newSignCount: number): Promise<number | null> => {
    const now = clock.now();
    const updated = await driver.run(
      `UPDATE two_factor_keys SET sign_count = ?, last_verified_at = ? WHERE team_id = ? AND credential_id = ? AND sign_count = ?`,
      [newSignCount, now, team, credentialId, storedSignCount],
    );
    return updated === 1 ? now : null;
  },

  teamRequiresTwoFactor: async (team: string): Promise<boolean> =>
    Number((await driver.all<{ two_factor_required: number }>(`SELECT two_factor_required FROM teams WHERE id = ?`, [team]))[0]?.two_factor_required ?? 0) === 1,

  /** Every member the log names (removed ones too, for the record), with the relay's word on their second factor. */
  teamTwoFactorStatus: async (team: string): Promise<MemberTwoFactorRow[]> =>
    (await driver.all<{ member_id: string; key_count: number; last_verified_at: number | null }>(
      `SELECT m.member_id, COUNT(k.credential_id) AS key_count, MAX(k.last_verified_at) AS last_verified_at
       FROM team_members m LEFT JOIN two_factor_keys k ON k.team_id = m.team_id AND k.member_id = m.member_id
       WHERE m.team_id = ? GROUP BY m.member_id ORDER BY m.member_id`, [team],
    )).map((row) => ({
      member: row.member_id, registered: Number(row.key_count) > 0,
      lastVerifiedAt: row.last_verified_at === null ? null : Number(row.last_verified_at),
    })),
});
