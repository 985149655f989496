import { localeFromLanguages } from '../../../core/i18n/locale';
import { readLocalePreference, watchLocalePreference, type LocalePreference } from '../../../platform/locale/locale-preference';
import { browserLanguages, setCurrentLocale } from './locale';

const apply = (preference: LocalePreference): void =>
  setCurrentLocale(preference ?? localeFromLanguages(browserLanguages()));

/**
 * Speaks the owner's chosen language on this page, and switches when any page changes it.
 * Awaited before the first render, so no page shows a moment of the other language.
 */
export const followLocalePreference = async (): Promise<void> => {
  watchLocalePreference(apply);
  apply(await readLocalePreference());
};
