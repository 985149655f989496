import { browser } from 'wxt/browser';
import { isLocale, type Locale } from '../../core/i18n/locale';

/**
 * The owner's choice of language, or null to follow the browser's. It lives in storage.local,
 * outside the vault, because the setup and lock screens speak it before anything is unlocked;
 * a language is no personal data.
 */
export const LOCALE_PREFERENCE_KEY = 'locket:locale';

export type LocalePreference = Locale | null;

/** The preference as stored; null for anything that is not a locale Locket speaks. */
export const localePreferenceOf = (value: unknown): LocalePreference => (isLocale(value) ? value : null);

export const readLocalePreference = async (): Promise<LocalePreference> =>
  localePreferenceOf((await browser.storage.local.get(LOCALE_PREFERENCE_KEY))[LOCALE_PREFERENCE_KEY]);

export const writeLocalePreference = (preference: LocalePreference): Promise<void> =>
  (preference === null ? browser.storage.local.remove(LOCALE_PREFERENCE_KEY) : browser.storage.local.set({ [LOCALE_PREFERENCE_KEY]: preference }));

/** Calls `listener` whenever any page changes the preference; returns the unsubscribe function. */
export const watchLocalePreference = (listener: (preference: LocalePreference) => void): (() => void) => {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LOCALE_PREFERENCE_KEY in changes) listener(localePreferenceOf(changes[LOCALE_PREFERENCE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
};
