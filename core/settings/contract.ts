import type { Result } from '../result';
import type { Track } from '../tracks/track';

export interface Settings {
  readonly ownerName: string;
  /** '' until the account is created. */
  readonly ownerEmail: string;
  /** ISO 4217 code used for new opportunities. */
  readonly defaultCurrency: string;
  /** Task templates (core/tracks/track.ts); absent until the first is saved. */
  readonly tracks?: readonly Track[];
}

/**
 * Why a setting was refused, as a code; the words live in
 * components/shared/messages/settings-messages.ts.
 */
export type SettingsProblem =
  | 'name-not-text' | 'name-too-long'
  | 'email-not-text' | 'email-too-long' | 'email-invalid'
  | 'currency-not-text' | 'not-a-currency'
  /** A track that does not hold together (tracks/track.ts says which rule, the form checks first). */
  | 'tracks-invalid'
  /** The input as a whole is not settings (under FORM_ERROR_KEY). */
  | 'unreadable';

/** Setting name → why it was refused; FORM_ERROR_KEY for the input as a whole. */
export type SettingsErrors = Readonly<Record<string, SettingsProblem>>;

export interface SettingsStore {
  readonly getSettings: () => Promise<Settings>;
  /** Merges the given fields onto the current settings and validates the whole. */
  readonly saveSettings: (patch: unknown) => Promise<Result<Settings, SettingsErrors>>;
}
