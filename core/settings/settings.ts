import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { AuditEntry } from '../audit/audit-log';
import { settingsAad, type ValueCodec } from '../codec';
import type { Result } from '../result';
import type { Settings, SettingsErrors, SettingsProblem } from './contract';
import { deepEqual } from '../db/deep-equal';
import type { LocketDatabase } from '../db/schema';
import { TracksSchema } from '../tracks/track';
import { retriedWrite, settled, STALE, type Participant } from '../db/transaction';
import { ListViewsSchema, SavedListsSchema } from '../filters/filter-schema';
import { FieldDefinitionsSchema } from '../custom-fields/definitions';
import { PipelineSettingsSchema } from '../pipeline/pipeline-settings';

/** The one row of the settings store. */
export const SETTINGS_ROW_KEY = 'general';

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

export const readSettings = async (db: LocketDatabase, codec: ValueCodec): Promise<Settings> => {
  const stored = await db.get('settings', SETTINGS_ROW_KEY);
  if (stored === undefined) return defaultSettings;
  const parsed = parseSettings(await codec.decode(stored, settingsAad(SETTINGS_ROW_KEY)));
  if (!parsed.ok) throw new Error(`Stored settings are invalid: ${Object.keys(parsed.error).join(', ')}`);
  return parsed.value;
};

const PatchSchema = v.record(v.string(), v.unknown());

/** Saved settings and the names of the fields that differ from before, in the settings' own order. */
export interface SettingsWrite {
  readonly settings: Settings;
  readonly changed: readonly (keyof Settings)[];
}

const SETTING_NAMES: readonly (keyof Settings)[] = ['ownerName', 'ownerEmail', 'defaultCurrency', 'savedLists', 'listViews', 'fieldDefinitions', 'pipeline', 'tracks'];

/** The audit entry a save commits with, from the names of the fields it changes (never their values). */
export type SettingsReceipt = (changed: readonly (keyof Settings)[]) => Promise<Participant<AuditEntry> | null>;

/**
 * Merges `patch` onto the stored settings, validates the whole, encodes (the owner's name and
 * email are personal data), then writes with its receipt, only if the stored row is still the
 * one the merge started from. Invalid input writes nothing.
 */
export const writeSettings = async (
  db: LocketDatabase, codec: ValueCodec, patch: unknown, receipt: SettingsReceipt,
): Promise<Result<SettingsWrite, SettingsErrors>> => {
  const entries = v.safeParse(PatchSchema, patch);
  if (!entries.success) return { ok: false, error: { [FORM_ERROR_KEY]: 'unreadable' } };
  const { value } = await retriedWrite(db, {
    subject: { type: 'settings' },
    stores: ['settings'],
    prepare: async () => {
      const stored = await db.get('settings', SETTINGS_ROW_KEY);
      const before = await readSettings(db, codec);
      const parsed = parseSettings({ ...before, ...entries.output });
      if (!parsed.ok) return settled<Result<SettingsWrite, SettingsErrors>>(parsed);
      const changed = SETTING_NAMES.filter((name) => !deepEqual(before[name], parsed.value[name]));
      return { stored, encoded: await codec.encode(parsed.value, settingsAad(SETTINGS_ROW_KEY)), written: { settings: parsed.value, changed } };
    },
    write: async (tx, { stored, encoded, written }) => {
      const settings = tx.objectStore('settings');
      // Saved from another page since the read: merging onto it again keeps that page's fields.
      if (!deepEqual(await settings.get(SETTINGS_ROW_KEY), stored)) return STALE;
      await settings.put(encoded, SETTINGS_ROW_KEY);
      return { ok: true, value: written } as const;
    },
    receipt: ({ written }) => (written.changed.length > 0 ? receipt(written.changed) : Promise.resolve(null)),
  });
  return value;
};
