import { browser } from 'wxt/browser';
import { isLocale, type Locale } from '../../core/i18n/locale';

/**
 * The owner's choice of language, or null to follow the browser's. It lives in storage.local,
 * outside the vault, because the setup and lock screens speak it before anything is unlocked;
 * a language is no personal data.
 */
const KEY = 'locket:locale';

export type LocalePreference = Locale | null;

const parse = (value: unknown): LocalePreference => (isLocale(value) ? value : null);

export const readLocalePreference = async (): Promise<LocalePreference> =>
  parse((await browser.storage.local.get(KEY))[KEY]);

export const writeLocalePreference = (preference: LocalePreference): Promise<void> =>
  (preference === null ? browser.storage.local.remove(KEY) : browser.storage.local.set({ [KEY]: preference }));

/** Calls `listener` whenever any page changes the preference; returns the unsubscribe function. */
export const watchLocalePreference = (listener: (preference: LocalePreference) => void): (() => void) => {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parse(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
};
