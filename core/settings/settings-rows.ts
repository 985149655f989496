/**
 * The settings rows as stored: the personal `general` row and one row per group of team settings
 * (team-settings.ts), read together so a write can check that none changed since it read them.
 */
import { settingsAad, type EncodedValue, type ValueCodec } from '../codec';
import { deepEqual } from '../db/deep-equal';
import type { LocketDatabase } from '../db/schema';
import { TEAM_GROUP_IDS, teamRowOf, type TeamGroupId, type TeamRows } from './team-settings';

/** The personal settings' row: named `general` since it was the one row of the settings store. */
export const SETTINGS_ROW_KEY = 'general';

/** The settings rows as stored: the `general` row and each team group's row (team-settings.ts). */
export interface StoredSettingsRows {
  readonly general: EncodedValue | undefined;
  readonly groups: Readonly<Partial<Record<TeamGroupId, EncodedValue>>>;
}

/** The `settings` object store, of a read or of the write's own transaction. */
interface SettingsStoreReads {
  readonly get: (key: string) => Promise<EncodedValue | undefined>;
}

export const readStoredRows = async (store: SettingsStoreReads): Promise<StoredSettingsRows> => {
  const [general, ...groups] = await Promise.all([store.get(SETTINGS_ROW_KEY), ...TEAM_GROUP_IDS.map((id) => store.get(id))]);
  return { general, groups: Object.fromEntries(TEAM_GROUP_IDS.flatMap((id, index) => { const row = groups[index]; return row ? [[id, row]] : []; })) };
};

const storedGroupIds = (stored: StoredSettingsRows): TeamGroupId[] => TEAM_GROUP_IDS.filter((id) => stored.groups[id] !== undefined);

export const decodeRows = async (codec: ValueCodec, stored: StoredSettingsRows): Promise<{ readonly general: unknown; readonly rows: TeamRows }> => {
  const ids = storedGroupIds(stored);
  const values = [...(stored.general ? [stored.general] : []), ...ids.flatMap((id) => stored.groups[id] ?? [])];
  const aads = [...(stored.general ? [settingsAad(SETTINGS_ROW_KEY)] : []), ...ids.map(settingsAad)];
  const decoded = values.length > 0 ? await codec.decodeMany(values, aads) : [];
  const general = stored.general ? decoded[0] : {};
  const offset = stored.general ? 1 : 0;
  return { general, rows: new Map(ids.map((id, index) => [id, teamRowOf(decoded[offset + index])])) };
};

/** The rows as stored (for a write's check that nothing changed since) and decoded. */
export const readSettingsRows = async (
  db: LocketDatabase, codec: ValueCodec,
): Promise<{ readonly stored: StoredSettingsRows; readonly general: unknown; readonly rows: TeamRows }> => {
  const stored = await readStoredRows(db.transaction('settings').store);
  return { stored, ...(await decodeRows(codec, stored)) };
};

export const holdsNoSettings = (stored: StoredSettingsRows): boolean => stored.general === undefined && storedGroupIds(stored).length === 0;

/** Inside the write's transaction: whether the settings rows are still those the plan was read from. */
export const settingsUnchanged = async (store: SettingsStoreReads, stored: StoredSettingsRows): Promise<boolean> =>
  deepEqual(await readStoredRows(store), stored);
