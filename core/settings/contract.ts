import type { Result } from '../result';
import type { ListViews, SavedList } from '../filters/filter-schema';
import type { FieldDefinitions } from '../custom-fields/definitions';
import type { PipelineSettings } from '../pipeline/pipeline-settings';
import type { Track } from '../tracks/track';

export interface Settings {
  readonly ownerName: string;
  /** '' until the account is created. */
  readonly ownerEmail: string;
  /** ISO 4217 code used for new opportunities. */
  readonly defaultCurrency: string;
  /** Filters with their sort, saved under a name (absent until the first is saved). */
  readonly savedLists?: readonly SavedList[];
  /** Each kind's list: its remembered sort and columns. */
  readonly listViews?: ListViews;
  /** Custom fields defined once per kind (core/custom-fields); absent until the owner defines one. */
  readonly fieldDefinitions?: FieldDefinitions;
  /** The owner's milestones and lost reasons; absent until first changed (core/pipeline/pipeline-settings.ts). */
  readonly pipeline?: PipelineSettings;
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
  /** Field definitions that are not a valid list (the Fields section checks each one before saving). */
  | 'fields-invalid'
  | 'not-a-pipeline'
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
