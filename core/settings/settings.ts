import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { AuditEntry } from '../audit/audit-log';
import { changeAad, settingsAad, type EncodedValue, type ValueCodec } from '../codec';
import type { Result } from '../result';
import type { Settings, SettingsErrors, SettingsProblem } from './contract';
import { deepEqual } from '../db/deep-equal';
import type { LocketDatabase } from '../db/schema';
import { TracksSchema } from '../tracks/track';
import { retriedWrite, settled, STALE, type Participant } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';
import type { ChangeSetItem } from '../db/rows';
import { changeSet, type StoreDeps } from '../db/store-deps';
import { combinedSettings, personalPart, TEAM_SETTING_NAMES, teamWriteOf, type TeamRows } from './team-settings';
import { decodeRows, holdsNoSettings, readStoredRows, SETTINGS_ROW_KEY, settingsUnchanged, type StoredSettingsRows } from './settings-rows';
import { ListViewsSchema, SavedListsSchema } from '../filters/filter-schema';
import { FieldDefinitionsSchema } from '../custom-fields/definitions';
import { PipelineSettingsSchema } from '../pipeline/pipeline-settings';

export { readSettingsRows, SETTINGS_ROW_KEY, settingsUnchanged, type StoredSettingsRows } from './settings-rows';

export const defaultSettings: Settings = { ownerName: '', ownerEmail: '', defaultCurrency: 'EUR' };

// Each check's message is its problem code, which the settings form words.
const code = (problem: SettingsProblem): SettingsProblem => problem;
const PROBLEMS: readonly string[] = [
  'name-not-text', 'name-too-long', 'email-not-text', 'email-too-long', 'email-invalid', 'currency-not-text', 'not-a-currency', 'fields-invalid',
  'not-a-pipeline', 'tracks-invalid',
] satisfies SettingsProblem[];
const problemOf = (message: string): SettingsProblem => (PROBLEMS.includes(message) ? message as SettingsProblem : 'unreadable');

export const SettingsSchema = v.object({
  ownerName: v.pipe(
    v.string(code('name-not-text')),
    v.trim(),
    v.maxLength(200, code('name-too-long')),
  ),
  ownerEmail: v.pipe(
    v.string(code('email-not-text')),
    v.trim(),
    v.maxLength(254, code('email-too-long')),
    v.check((email) => email === '' || v.is(v.pipe(v.string(), v.email()), email), code('email-invalid')),
  ),
  defaultCurrency: v.pipe(
    v.string(code('currency-not-text')),
    v.trim(),
    v.toUpperCase(),
    v.regex(/^[A-Z]{3}$/, code('not-a-currency')),
  ),
  // Absent until the owner saves a list or sorts one (core/filters/saved-lists.ts).
  savedLists: v.optional(SavedListsSchema),
  listViews: v.optional(ListViewsSchema),
  fieldDefinitions: v.optional(v.pipe(v.unknown(), v.check((value) => v.is(FieldDefinitionsSchema, value), code('fields-invalid')),
    v.transform((value) => v.parse(FieldDefinitionsSchema, value)))),
  pipeline: v.optional(v.pipe(v.unknown(), v.check((input) => v.is(PipelineSettingsSchema, input), code('not-a-pipeline')),
    v.transform((input) => v.parse(PipelineSettingsSchema, input)))),
  // Every problem inside a track reads as one code here: the tracks form words each step itself.
  // Absent until the first track is saved, so settings stored before tracks read as they were.
  tracks: v.optional(v.pipe(v.unknown(), v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = v.safeParse(TracksSchema, dataset.value);
    if (parsed.success) return parsed.output;
    addIssue({ message: code('tracks-invalid') });
    return NEVER;
  }))),
}, code('unreadable'));

/** The first problem of each field; problems with the whole input under FORM_ERROR_KEY. */
const fieldErrorsOf = (issues: Parameters<typeof v.flatten<typeof SettingsSchema>>[0]): SettingsErrors => {
  const flat = v.flatten<typeof SettingsSchema>(issues);
  const errors: Record<string, SettingsProblem> = {};
  for (const [field, messages] of Object.entries(flat.nested ?? {})) {
    const first = messages?.[0];
    if (first) errors[field] = problemOf(first);
  }
  const root = flat.root?.[0];
  if (root) errors[FORM_ERROR_KEY] = problemOf(root);
  return errors;
};

export const parseSettings = (input: unknown): Result<Settings, SettingsErrors> => {
  const parsed = v.safeParse(SettingsSchema, input);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, error: fieldErrorsOf(parsed.issues) };
};


/** The settings rows decoded and joined (as a backup or snapshot holds them too): untrusted until parsed. */
export const settingsFromRows = (general: unknown, rows: TeamRows): Record<string, unknown> => ({ ...defaultSettings, ...combinedSettings(general, rows) });

const validStored = (input: unknown): Settings => {
  const parsed = parseSettings(input);
  if (!parsed.ok) throw new Error(`Stored settings are invalid: ${Object.keys(parsed.error).join(', ')}`);
  return parsed.value;
};

export const readSettings = async (db: LocketDatabase, codec: ValueCodec): Promise<Settings> => {
  const stored = await readStoredRows(db.transaction('settings').store);
  if (holdsNoSettings(stored)) return defaultSettings;
  const { general, rows } = await decodeRows(codec, stored);
  return validStored(settingsFromRows(general, rows));
};

const PatchSchema = v.record(v.string(), v.unknown());

/**
 * Whether saving `patch` onto `current` would change a team setting, which only an admin or the
 * owner may; a patch that does not validate changes nothing (its save is refused for that).
 */
export const changesTeamSettings = (current: Settings, patch: unknown): boolean => {
  const entries = v.safeParse(PatchSchema, patch);
  const next = entries.success ? parseSettings({ ...current, ...entries.output }) : null;
  return next?.ok === true && TEAM_SETTING_NAMES.some((name) => !deepEqual(current[name], next.value[name]));
};

/** Saved settings and the names of the fields that differ from before, in the settings' own order. */
export interface SettingsWrite {
  readonly settings: Settings;
  readonly changed: readonly (keyof Settings)[];
}

const SETTING_NAMES: readonly (keyof Settings)[] = ['ownerName', 'ownerEmail', 'defaultCurrency', 'savedLists', 'listViews', 'fieldDefinitions', 'pipeline', 'tracks'];

/** The audit entry a save commits with, from the names of the fields it changes (never their values). */
export type SettingsReceipt = (changed: readonly (keyof Settings)[]) => Promise<Participant<AuditEntry> | null>;

export type SettingsDeps = Pick<StoreDeps, 'db' | 'codec' | 'deviceId' | 'author'>;

/**
 * One save of the settings, prepared outside its transaction: the rows to put (encoded) and, when
 * a team setting changes, its items and values for the write's change set (under the caller's `hlc`).
 */
export interface SettingsPlan extends SettingsWrite {
  readonly stored: StoredSettingsRows;
  readonly puts: readonly { readonly key: string; readonly value: EncodedValue }[];
  readonly items: readonly ChangeSetItem[];
  readonly values: readonly object[];
}

/**
 * Merges `patch` onto the stored settings and validates the whole; then the personal part goes
 * to the `general` row and each changed team setting to its group row. A team setting an older
 * version left in the `general` row moves to its group row on any save (an empty patch migrates).
 */
export const planSettings = async (
  deps: SettingsDeps, patch: Readonly<Record<string, unknown>>, hlc: string,
): Promise<Result<SettingsPlan, SettingsErrors>> => {
  const stored = await readStoredRows(deps.db.transaction('settings').store);
  const { general, rows } = await decodeRows(deps.codec, stored);
  const before = holdsNoSettings(stored) ? defaultSettings : validStored(settingsFromRows(general, rows));
  const parsed = parseSettings({ ...before, ...patch });
  if (!parsed.ok) return parsed;
  const settings = parsed.value;
  const changed = SETTING_NAMES.filter((name) => !deepEqual(before[name], settings[name]));
  const team = teamWriteOf(rows, settings, defaultSettings, hlc);
  const personal = personalPart(settings);
  const writesGeneral = !deepEqual(personal, general);
  const keys = [...(writesGeneral ? [SETTINGS_ROW_KEY] : []), ...team.rows.keys()];
  const encoded = await deps.codec.encodeMany([...(writesGeneral ? [personal] : []), ...team.rows.values()], keys.map(settingsAad));
  const puts = keys.map((key, index) => {
    const value = encoded[index];
    if (!value) throw new Error('The codec returned fewer values than it was given');
    return { key, value };
  });
  return { ok: true, value: { settings, changed, stored, puts, items: team.items, values: team.values } };
};

/**
 * The clock of a team setting kept on this device only: below every set's stamp, so any value
 * the team's sets bring replaces it.
 */
const LOCAL_ONLY_CLOCK = '';

/**
 * Saves `patch` (settings.ts planSettings) with its receipt and, when a team setting changed, its
 * change set, only if the stored rows are still the ones the merge started from. Invalid input
 * writes nothing. `localOnly` writes team settings under LOCAL_ONLY_CLOCK with no change set.
 */
export const writeSettings = async (
  deps: SettingsDeps & Pick<StoreDeps, 'hlc'>, patch: unknown, receipt: SettingsReceipt, localOnly = false,
): Promise<Result<SettingsWrite, SettingsErrors>> => {
  const entries = v.safeParse(PatchSchema, patch);
  if (!entries.success) return { ok: false, error: { [FORM_ERROR_KEY]: 'unreadable' } };
  const { value } = await retriedWrite(deps.db, {
    subject: { type: 'settings' },
    stores: ['settings', 'changes', 'outbox'],
    prepare: async () => {
      const hlc = localOnly ? LOCAL_ONLY_CLOCK : deps.hlc.tick();
      const plan = await planSettings(deps, entries.output, hlc);
      if (!plan.ok) return settled<Result<SettingsWrite, SettingsErrors>>(plan);
      const written = { settings: plan.value.settings, changed: plan.value.changed };
      if (plan.value.puts.length === 0) return settled<Result<SettingsWrite, SettingsErrors>>({ ok: true, value: written });
      const set = plan.value.items.length === 0 || localOnly ? null
        : changeSet(deps, plan.value.items, await deps.codec.encode(plan.value.values, changeAad(hlc)), hlc);
      return { plan: plan.value, set, written };
    },
    write: async (tx, { plan, set, written }) => {
      // Saved from another page (or a remote change applied) since the read: merging onto it again keeps that write.
      const settings = tx.objectStore('settings');
      if (!(await settingsUnchanged(settings, plan.stored))) return STALE;
      await Promise.all([...plan.puts.map(({ key, value: row }) => settings.put(row, key)), ...(set ? [appendChangeSet(tx, set)] : [])]);
      return { ok: true, value: written } as const;
    },
    receipt: ({ written }) => (written.changed.length > 0 ? receipt(written.changed) : Promise.resolve(null)),
  });
  return value;
};

/**
 * Moves the team settings an older version kept in the `general` row into their group rows, once:
 * a save of nothing, so no audit entry, and nothing to do once moved. Run when the store opens.
 * `shared` is whether this device may change the team's settings (no team, the owner, an admin):
 * then they sync as the newest. A member below admin keeps them on this device only, replaced by
 * the team's as those arrive, and pushes no set the relay would refuse (which would stop its sync).
 */
export const migrateTeamSettings = async (deps: SettingsDeps & Pick<StoreDeps, 'hlc'>, shared = true): Promise<void> => {
  const migrated = await writeSettings(deps, {}, async () => null, !shared);
  if (!migrated.ok) throw new Error(`Stored settings are invalid: ${Object.keys(migrated.error).join(', ')}`);
};
