/**
 * Remote items of kind `settings` (settings/team-settings.ts): each names a group of team
 * settings by its fixed id and carries the values its set changed. They are joined into the
 * group rows by the later clock per setting, and what would not read as valid settings is left
 * out, item by item: a remote payload never makes the settings unreadable here.
 *
 * A relay snapshot carries each group row as its uploader held it (the settings the team shares,
 * with their clocks); a device starting from that snapshot joins them by the same rule, so team
 * settings written before the snapshot reach it even when the log that held their sets is gone.
 */
import { settingsAad, type EncodedValue } from '../codec';
import { deepEqual } from '../db/deep-equal';
import type { StoreDeps } from '../db/store-deps';
import { parseSettings, readSettingsRows, settingsFromRows, type StoredSettingsRows } from '../settings/settings';
import {
  isTeamGroupId, joinTeamRow, mergeTeamItem, sharedPart, TEAM_GROUP_IDS, type TeamGroupId, type TeamRow,
} from '../settings/team-settings';
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

/** One step of a plan: how a group's row reads after a remote write joins it. */
interface GroupJoin {
  readonly groupId: TeamGroupId;
  readonly join: (row: TeamRow | undefined) => TeamRow | undefined;
}

/** The group rows after each join in order, encoded; a join that would make the settings unreadable is left out. Null when none changes. */
const planJoins = async (deps: Pick<StoreDeps, 'db' | 'codec'>, joins: readonly GroupJoin[]): Promise<RemoteSettingsPlan | null> => {
  if (joins.length === 0) return null;
  const { stored, general, rows } = await readSettingsRows(deps.db, deps.codec);
  const merged = new Map<TeamGroupId, TeamRow>(rows);
  for (const { groupId, join } of joins) {
    const next = join(merged.get(groupId));
    if (!next) continue;
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

/** The group rows after joining every team-settings item of `sets` (in clock order), encoded; null when none changes. */
export const planRemoteSettings = async (
  deps: Pick<StoreDeps, 'db' | 'codec'>, sets: readonly { readonly set: SyncSet; readonly items: readonly SyncItem[] }[],
): Promise<RemoteSettingsPlan | null> => planJoins(deps, sets.flatMap(({ set, items }) => items.filter(isTeamSettingsItem).map((item) => {
  const groupId = item.recordId as TeamGroupId;
  const { changed, values } = mergeItemOf(set, item);
  return { groupId, join: (row: TeamRow | undefined) => mergeTeamItem(row, { groupId, setId: set.setId, changed, values }) };
})));

/** A group row as a relay snapshot holds it (core/replica/snapshot-states.ts). */
export interface SnapshotGroup {
  readonly groupId: TeamGroupId;
  readonly row: TeamRow;
}

/** The group rows after joining a snapshot's copies of them, each setting by the later clock; null when none changes. */
export const planSnapshotSettings = async (deps: Pick<StoreDeps, 'db' | 'codec'>, groups: readonly SnapshotGroup[]): Promise<RemoteSettingsPlan | null> =>
  planJoins(deps, groups.map(({ groupId, row: theirs }) => ({ groupId, join: (row: TeamRow | undefined) => joinTeamRow(row, groupId, theirs) })));

/**
 * This device's group rows as a snapshot carries them: the settings the team shares (never personal
 * ones), of the groups whose ids fall after `afterId` and, when given, before `until`.
 */
export const snapshotGroupsBetween = async (
  deps: Pick<StoreDeps, 'db' | 'codec'>, afterId: string, until?: string,
): Promise<SnapshotGroup[]> => {
  const within = (id: string) => id > afterId && (until === undefined || id < until);
  // Most pages of records hold no group id at all: nothing to read for them.
  if (!TEAM_GROUP_IDS.some(within)) return [];
  const { rows } = await readSettingsRows(deps.db, deps.codec);
  return [...rows].flatMap(([groupId, row]) => {
    const shared = within(groupId) ? sharedPart(row) : null;
    return shared ? [{ groupId, row: shared }] : [];
  });
};
