import type { Result } from '../result';
import type { FieldErrors } from '../records/types';

export interface Settings {
  readonly ownerName: string;
  /** '' until the account is created. */
  readonly ownerEmail: string;
  /** ISO 4217 code used for new opportunities. */
  readonly defaultCurrency: string;
}

export interface SettingsStore {
  readonly getSettings: () => Promise<Settings>;
  /** Merges the given fields onto the current settings and validates the whole. */
  readonly saveSettings: (patch: unknown) => Promise<Result<Settings, FieldErrors>>;
}
