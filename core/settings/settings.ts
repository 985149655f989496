import { FORM_ERROR_KEY } from '../records/validate';
import * as v from 'valibot';
import type { AuditEntry } from '../audit/audit-log';
import { settingsAad, type ValueCodec } from '../codec';
import type { FieldErrors } from '../records/types';
import type { Result } from '../result';
import type { Settings } from './contract';
import { deepEqual } from '../db/deep-equal';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite, settled, STALE, type Participant } from '../db/transaction';

/** The one row of the settings store. */
export const SETTINGS_ROW_KEY = 'general';

export const defaultSettings: Settings = { ownerName: '', ownerEmail: '', defaultCurrency: 'EUR' };

export const SettingsSchema = v.object({
  ownerName: v.pipe(
    v.string('Enter a name.'),
    v.trim(),
    v.maxLength(200, 'Use at most 200 characters.'),
  ),
  ownerEmail: v.pipe(
    v.string('Enter an email address.'),
    v.trim(),
    v.maxLength(254, 'Use at most 254 characters.'),
    v.check((email) => email === '' || v.is(v.pipe(v.string(), v.email()), email), 'Enter a valid email address, such as you@example.com.'),
  ),
  defaultCurrency: v.pipe(
    v.string('Enter a currency code.'),
    v.trim(),
    v.toUpperCase(),
    v.regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, such as EUR.'),
  ),
});

/** Form-ready messages: the first problem of each field; problems with the whole input under `form`. */
const fieldErrorsOf = (issues: Parameters<typeof v.flatten<typeof SettingsSchema>>[0]): FieldErrors => {
  const flat = v.flatten<typeof SettingsSchema>(issues);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(flat.nested ?? {})) {
    const first = messages?.[0];
    if (first) errors[field] = first;
  }
  const root = flat.root?.[0];
  if (root) errors[FORM_ERROR_KEY] = root;
  return errors;
};

export const parseSettings = (input: unknown): Result<Settings, FieldErrors> => {
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

const SETTING_NAMES: readonly (keyof Settings)[] = ['ownerName', 'ownerEmail', 'defaultCurrency'];

/** The audit entry a save commits with, from the names of the fields it changes (never their values). */
export type SettingsReceipt = (changed: readonly (keyof Settings)[]) => Promise<Participant<AuditEntry> | null>;

/**
 * Merges `patch` onto the stored settings, validates the whole, encodes (the owner's name and
 * email are personal data), then writes with its receipt, only if the stored row is still the
 * one the merge started from. Invalid input writes nothing.
 */
export const writeSettings = async (
  db: LocketDatabase, codec: ValueCodec, patch: unknown, receipt: SettingsReceipt,
): Promise<Result<SettingsWrite, FieldErrors>> => {
  const entries = v.safeParse(PatchSchema, patch);
  if (!entries.success) return { ok: false, error: { [FORM_ERROR_KEY]: 'These settings could not be read.' } };
  const { value } = await retriedWrite(db, {
    subject: 'The settings',
    stores: ['settings'],
    prepare: async () => {
      const stored = await db.get('settings', SETTINGS_ROW_KEY);
      const before = await readSettings(db, codec);
      const parsed = parseSettings({ ...before, ...entries.output });
      if (!parsed.ok) return settled<Result<SettingsWrite, FieldErrors>>(parsed);
      const changed = SETTING_NAMES.filter((name) => before[name] !== parsed.value[name]);
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
