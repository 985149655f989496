/**
 * Remote items of kind `settings` (settings/team-settings.ts): each names a group of team
 * settings by its fixed id and carries the values its set changed. They are joined into the
 * group rows by the later clock per setting, and what would not read as valid settings is left
 * out, item by item: a remote payload never makes the settings unreadable here.
 */
import { settingsAad, type EncodedValue } from '../codec';
import { deepEqual } from '../db/deep-equal';
import type { StoreDeps } from '../db/store-deps';
import { parseSettings, readSettingsRows, settingsFromRows, type StoredSettingsRows } from '../settings/settings';
import { isTeamGroupId, mergeTeamItem, type TeamGroupId, type TeamRow } from '../settings/team-settings';
import type { SyncItem, SyncSet } from '../sync/ports';
import { SETTINGS_KIND } from '../team/roles';
import { mergeItemOf } from './sync-items';

/** An item that writes a group of team settings; any other op on one (trash, purge) means nothing and is dropped. */
export const isTeamSettingsItem = (item: SyncItem): boolean =>
  item.kind === SETTINGS_KIND && isTeamGroupId(item.recordId) && (item.op === 'create' || item.op === 'update');

export interface RemoteSettingsPlan {
  /** The rows as read: the write checks they are unchanged. */
  readonly stored: StoredSettingsRows;
  readonly puts: readonly { readonly key: TeamGroupId; readonly value: EncodedValue }[];
}

/** The group rows after joining every team-settings item of `sets` (in clock order), encoded; null when none changes. */
export const planRemoteSettings = async (
  deps: Pick<StoreDeps, 'db' | 'codec'>, sets: readonly { readonly set: SyncSet; readonly items: readonly SyncItem[] }[],
): Promise<RemoteSettingsPlan | null> => {
  const remote = sets.flatMap(({ set, items }) => items.filter(isTeamSettingsItem).map((item) => ({ set, item })));
  if (remote.length === 0) return null;
  const { stored, general, rows } = await readSettingsRows(deps.db, deps.codec);
  const merged = new Map<TeamGroupId, TeamRow>(rows);
  for (const { set, item } of remote) {
    const groupId = item.recordId as TeamGroupId;
    const { changed, values } = mergeItemOf(set, item);
    const next = mergeTeamItem(merged.get(groupId), { groupId, setId: set.setId, changed, values });
    const trial = new Map(merged).set(groupId, next);
    if (parseSettings(settingsFromRows(general, trial)).ok) merged.set(groupId, next);
  }
  const changedIds = [...merged.keys()].filter((id) => !deepEqual(merged.get(id), rows.get(id)));
  if (changedIds.length === 0) return null;
  const encoded = await deps.codec.encodeMany(changedIds.map((id) => merged.get(id)), changedIds.map(settingsAad));
  return {
    stored,
    puts: changedIds.map((key, index) => {
      const value = encoded[index];
      if (!value) throw new Error('The codec returned fewer values than it was given');
      return { key, value };
    }),
  };
};
