/**
 * Finding the team of a printed recovery key's device (core/team/recovery-protocol.ts). Device
 * ids are hashes of public keys, so one id is in at most one team; a removed device finds none.
 */
import type { SqlDriver } from './sql-driver';

export const createRecoveryLookupOps = (driver: SqlDriver) => ({
  /** The team in which `device` is enrolled and not removed, or null. */
  teamOfActiveDevice: async (device: string): Promise<string | null> =>
    (await driver.all<{ team_id: string }>(
      `SELECT team_id FROM devices WHERE device_id = ? AND removed_at IS NULL ORDER BY added_at DESC LIMIT 1`, [device],
    ))[0]?.team_id ?? null,
});
