/**
 * The team's membership log as this device last validated it, kept in `meta` so the engine can
 * pick its keys and check pulled sets without asking the relay first. Stored as the relay serves
 * it (the relay holds exactly this); validated again whenever it is read, so a row changed behind
 * this device's back is worth nothing. The head it held is what the next read of the relay's log
 * must still contain (core/team/validate.ts `known`): a relay that rewrites history is a fork.
 */
import type { Clock } from '../clock';
import type { LocketDatabase } from '../db/schema';
import type { SyncDeviceKeys } from '../sync/device-keys';
import { headOf, validateLog } from '../team/validate';
import { openTeamKeys } from '../team/keyring';
import type { TeamEntry } from '../team/schemas';
import type { TeamState } from '../team/state';
import type { Bytes } from '../vault/types';

export const TEAM_LOG_KEY = 'team-log';

export interface TeamKeyring {
  /** The newest epoch this device holds a key for, and that key: what it seals with. */
  readonly epoch: number;
  readonly key: Bytes;
  readonly keys: ReadonlyMap<number, Bytes>;
}

export const readCachedEntries = async (db: LocketDatabase): Promise<TeamEntry[]> => {
  const row = (await db.get('meta', TEAM_LOG_KEY)) as { entries?: unknown } | undefined;
  return Array.isArray(row?.entries) ? (row.entries as TeamEntry[]) : [];
};

export const cacheEntries = async (db: LocketDatabase, entries: readonly TeamEntry[]): Promise<void> => {
  await db.put('meta', { entries: entries.map((entry) => ({ ...entry })) }, TEAM_LOG_KEY);
};

export const forgetCachedLog = async (db: LocketDatabase): Promise<void> => {
  await db.delete('meta', TEAM_LOG_KEY);
};

/** The validated cached log, or null when there is none (a team of one before its genesis) or it does not validate. */
export const cachedTeamState = async (db: LocketDatabase, clock: Clock): Promise<TeamState | null> => {
  const entries = await readCachedEntries(db);
  if (entries.length === 0) return null;
  const validated = await validateLog(entries, { clock });
  return validated.ok ? validated.value : null;
};

/** Where the cached log stood, for the next read of the relay's to be checked against. */
export const cachedHead = async (db: LocketDatabase) => headOf(await readCachedEntries(db));

/** Every team key this device opens from the log, or null when the log seals none to it. */
export const keyringOf = async (state: TeamState, keys: SyncDeviceKeys): Promise<TeamKeyring | null> => {
  const opened = await openTeamKeys(state, {
    deviceId: keys.signing.deviceId, agreementPrivateKey: keys.agreementPrivateKey, agreementPublicKey: keys.agreementPublicKey,
  });
  const epoch = Math.max(0, ...opened.keys());
  const key = opened.get(epoch);
  return key ? { epoch, key, keys: opened } : null;
};
