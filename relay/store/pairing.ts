/**
 * Pairing mailboxes: one row per slot (SHA-256 of a pairing secret the relay never sees), opened by
 * an enrolled device for PAIRING_TTL_MS. Each message kind is written once (`UPDATE … WHERE col IS
 * NULL`, atomic on both engines), so nobody can replace a message already posted. An expired slot
 * answers `expired` until housekeeping drops it an hour later; a closed one is gone (`not_found`).
 */
import type { Clock } from '../../core/clock';
import type { PairingKind, PairingSlotReply } from '../../core/sync/protocol';
import type { SqlDriver } from './sql-driver';

/** How long an expired slot still answers `expired` rather than `not_found`. */
const EXPIRED_KEPT_MS = 60 * 60 * 1000;

const COLUMN: Readonly<Record<PairingKind, string>> = { join: 'join_msg', accept: 'accept_msg', welcome: 'welcome_msg' };

type SlotRow = {
  team_id: string; expires_at: number; offer_msg: string; join_msg: string | null; accept_msg: string | null; welcome_msg: string | null;
};

export type PairingPost = 'posted' | 'not_found' | 'expired' | 'conflict' | 'forbidden';
export type PairingRead = PairingSlotReply | 'not_found' | 'expired';

export const createPairingOps = (driver: SqlDriver, clock: Clock) => {
  const readRow = async (slot: string): Promise<SlotRow | undefined> =>
    (await driver.all<SlotRow>(
      `SELECT team_id, expires_at, offer_msg, join_msg, accept_msg, welcome_msg FROM pairing_slots WHERE slot = ?`, [slot],
    ))[0];

  return {
    /** A new mailbox; `exists` when the slot is taken (a reused secret). Drops slots long expired on the way. */
    openPairing: async (slot: string, team: string, offer: string, ttlMs: number): Promise<{ expiresAt: number } | 'exists'> => {
      const now = clock.now();
      await driver.run(`DELETE FROM pairing_slots WHERE expires_at <= ?`, [now - EXPIRED_KEPT_MS]);
      const expiresAt = now + ttlMs;
      const opened = await driver.all(
        `INSERT INTO pairing_slots (slot, team_id, expires_at, offer_msg) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING slot`,
        [slot, team, expiresAt, offer],
      );
      return opened.length === 1 ? { expiresAt } : 'exists';
    },

    /** Writes one message kind once. `team` (the caller's, when authenticated) must own the slot when given. */
    postPairing: async (slot: string, kind: PairingKind, msg: string, team?: string): Promise<PairingPost> => {
      const row = await readRow(slot);
      if (!row) return 'not_found';
      if (row.expires_at <= clock.now()) return 'expired';
      if (team !== undefined && row.team_id !== team) return 'forbidden';
      const column = COLUMN[kind];
      const changed = await driver.run(
        `UPDATE pairing_slots SET ${column} = ? WHERE slot = ? AND ${column} IS NULL AND expires_at > ?`, [msg, slot, clock.now()],
      );
      return changed === 1 ? 'posted' : 'conflict';
    },

    readPairing: async (slot: string): Promise<PairingRead> => {
      const row = await readRow(slot);
      if (!row) return 'not_found';
      if (row.expires_at <= clock.now()) return 'expired';
      return {
        offer: row.offer_msg, expiresAt: row.expires_at,
        ...(row.join_msg === null ? {} : { join: row.join_msg }),
        ...(row.accept_msg === null ? {} : { accept: row.accept_msg }),
        ...(row.welcome_msg === null ? {} : { welcome: row.welcome_msg }),
      };
    },

    /** Drops the mailbox and everything in it: after a pairing, or when either side declines. */
    closePairing: async (slot: string): Promise<boolean> => (await driver.run(`DELETE FROM pairing_slots WHERE slot = ?`, [slot])) > 0,
  };
};
