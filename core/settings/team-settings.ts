/**
 * Team settings (SYNC.md §8.1 item 6): the settings a whole team shares (default currency,
 * custom field definitions, the pipeline's milestones and lost reasons, tracks) are kept as
 * records of kind `settings`, one per group under a fixed id, so that they travel like records:
 * each write has its change set and outbox row, each setting its clock, and a remote change merges
 * per setting, the later clock winning. Personal settings (the owner's name and email, saved
 * lists and list views) stay in the one `general` row and never leave the device but in backups.
 *
 * A group row lives in the `settings` store under its id, encrypted like every settings row
 * (settingsAad(id)); decoded it is `{ values, clocks }`: each setting's value and the HLC of the
 * change set that last wrote it.
 *
 * Invariants:
 * - A setting read from its group row wins over the same name left in the `general` row by a
 *   version before team settings (migrated on first open, settings.ts `writeSettings`).
 * - A group row's clocks only move forward: a remote value replaces a local one only under a
 *   later clock, so applying the same set twice, or sets in any order, ends the same.
 */
import * as v from 'valibot';
import { deepEqual } from '../db/deep-equal';
import type { ChangeSetItem } from '../db/rows';
import { parseHlc } from '../hlc';
import { SETTINGS_KIND } from '../team/roles';
import type { Settings } from './contract';

export const TEAM_GROUPS = {
  'settings:general': ['defaultCurrency'],
  'settings:fields': ['fieldDefinitions'],
  'settings:pipeline': ['pipeline'],
  'settings:tracks': ['tracks'],
} as const satisfies Readonly<Record<string, readonly (keyof Settings)[]>>;

export type TeamGroupId = keyof typeof TEAM_GROUPS;
export type TeamSettingName = (typeof TEAM_GROUPS)[TeamGroupId][number];

export const TEAM_GROUP_IDS = Object.keys(TEAM_GROUPS) as TeamGroupId[];
export const TEAM_SETTING_NAMES: readonly TeamSettingName[] = Object.values(TEAM_GROUPS).flat();

export const isTeamGroupId = (id: string): id is TeamGroupId => Object.hasOwn(TEAM_GROUPS, id);
export const isTeamSetting = (name: string): name is TeamSettingName => (TEAM_SETTING_NAMES as readonly string[]).includes(name);

export interface TeamRow {
  readonly values: Readonly<Record<string, unknown>>;
  readonly clocks: Readonly<Record<string, string>>;
}

const TeamRowSchema = v.object({ values: v.record(v.string(), v.unknown()), clocks: v.record(v.string(), v.string()) });

/** A decoded group row; a row that does not read as one holds nothing (its settings read as before). */
export const teamRowOf = (decoded: unknown): TeamRow => {
  const parsed = v.safeParse(TeamRowSchema, decoded);
  return parsed.success ? parsed.output : { values: {}, clocks: {} };
};

export type TeamRows = ReadonlyMap<TeamGroupId, TeamRow>;

/** The `general` row's values without the team settings an older version kept there. */
export const personalPart = (general: unknown): Record<string, unknown> => {
  const entries = general !== null && typeof general === 'object' ? Object.entries(general) : [];
  // An absent setting is no key at all, as a stored row reads back.
  return Object.fromEntries(entries.filter(([name, value]) => !isTeamSetting(name) && value !== undefined));
};

/** The settings as pages see them: the general row, with each team setting its group row holds over it. */
export const combinedSettings = (general: unknown, rows: TeamRows): Record<string, unknown> => {
  const combined: Record<string, unknown> = general !== null && typeof general === 'object' ? { ...general } : {};
  for (const row of rows.values()) {
    for (const [name, value] of Object.entries(row.values)) if (isTeamSetting(name)) combined[name] = value;
  }
  return combined;
};

/** What one save writes of the team settings: the group rows it changes and its items of the change set. */
export interface TeamWrite {
  readonly rows: ReadonlyMap<TeamGroupId, TeamRow>;
  /** Aligned with `values`: one item per group written, values of its changed settings only. */
  readonly items: readonly ChangeSetItem[];
  readonly values: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The group rows and change-set items that make the team settings read as `next`, under the
 * set's clock `hlc`. A setting is written when it differs from what its group row holds (or,
 * without one, from the default): so a setting an older version kept in the `general` row moves
 * into its group row, and one left at its default writes nothing.
 */
export const teamWriteOf = (rows: TeamRows, next: Settings, defaults: Settings, hlc: string): TeamWrite => {
  const written = new Map<TeamGroupId, TeamRow>();
  const items: ChangeSetItem[] = [];
  const values: Record<string, unknown>[] = [];
  for (const id of TEAM_GROUP_IDS) {
    const row = rows.get(id);
    const changed = TEAM_GROUPS[id].filter((name) => {
      const current = row && Object.hasOwn(row.values, name) ? row.values[name] : defaults[name];
      return !deepEqual(current, next[name]);
    });
    if (changed.length === 0) continue;
    const changedValues = Object.fromEntries(changed.map((name) => [name, next[name]]));
    written.set(id, {
      values: { ...row?.values, ...changedValues },
      clocks: { ...row?.clocks, ...Object.fromEntries(changed.map((name) => [name, hlc])) },
    });
    items.push({ recordId: id, kind: SETTINGS_KIND, op: row ? 'update' : 'create', changed });
    values.push(changedValues);
  }
  return { rows: written, items, values };
};

/** One remote item of kind `settings`, decrypted: the group it writes, under the clock of its set. */
export interface RemoteTeamItem {
  readonly groupId: TeamGroupId;
  readonly setId: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly changed: readonly string[];
}

/** Joins a remote item into its group row: each of its settings is taken only under a later clock than the row's. */
export const mergeTeamItem = (row: TeamRow | undefined, item: RemoteTeamItem): TeamRow => {
  const values: Record<string, unknown> = { ...row?.values };
  const clocks: Record<string, string> = { ...row?.clocks };
  const names = item.changed.filter((name) => (TEAM_GROUPS[item.groupId] as readonly string[]).includes(name) && Object.hasOwn(item.values, name));
  for (const name of names) {
    const clock = clocks[name];
    if (clock !== undefined && clock >= item.setId) continue;
    values[name] = item.values[name];
    clocks[name] = item.setId;
  }
  return { values, clocks };
};

/**
 * A group row as the team shares it: only the settings written under a change set's clock. One
 * kept on this device alone (a member below admin's migrated settings, under no clock) stays here.
 */
export const sharedPart = (row: TeamRow): TeamRow | null => {
  const names = Object.keys(row.clocks).filter((name) => parseHlc(row.clocks[name] ?? '') !== undefined && Object.hasOwn(row.values, name));
  if (names.length === 0) return null;
  return {
    values: Object.fromEntries(names.map((name) => [name, row.values[name]])),
    clocks: Object.fromEntries(names.map((name) => [name, row.clocks[name] ?? ''])),
  };
};

/**
 * Joins another device's copy of a group row (a relay snapshot's) into this one: each setting as
 * if its last change set arrived again, so the later clock wins and joining twice changes nothing.
 * Undefined when there was no row and nothing was taken.
 */
export const joinTeamRow = (row: TeamRow | undefined, groupId: TeamGroupId, theirs: TeamRow): TeamRow | undefined => {
  const shared = sharedPart(theirs);
  if (!shared) return row;
  const joined = Object.entries(shared.clocks).reduce<TeamRow>(
    (next, [name, setId]) => mergeTeamItem(next, { groupId, setId, changed: [name], values: shared.values }),
    row ?? { values: {}, clocks: {} },
  );
  return row || Object.keys(joined.clocks).length > 0 ? joined : undefined;
};
