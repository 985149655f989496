import type { SettingsErrors, SettingsProblem } from '../../../core/settings/contract';
import type { FieldTexts } from './field-messages';
import { catalogue } from '../i18n/catalogue';

/** The words for each refusal of a setting; a code without words fails to compile. */
export const SETTINGS_MESSAGES = catalogue<{ readonly [P in SettingsProblem]: string }>({
  en: {
    'name-not-text': 'Enter a name.',
    'name-too-long': 'Use at most 200 characters.',
    'email-not-text': 'Enter an email address.',
    'email-too-long': 'Use at most 254 characters.',
    'email-invalid': 'Enter a valid email address, such as you@example.com.',
    'currency-not-text': 'Enter a currency code.',
    'not-a-currency': 'Use a three-letter currency code, such as EUR.',
    'fields-invalid': 'These field definitions could not be saved.',
    'not-a-pipeline': 'Each milestone needs a name, a probability from 0 to 100 and whole days; names and lost reasons must not repeat.',
    'tracks-invalid': 'A track needs a name and at least one step, each with a description and a whole number of days from 0.',
    'unreadable': 'These settings could not be read.',
  },
  de: {
    'name-not-text': 'Geben Sie einen Namen ein.',
    'name-too-long': 'Verwenden Sie höchstens 200 Zeichen.',
    'email-not-text': 'Geben Sie eine E-Mail-Adresse ein.',
    'email-too-long': 'Verwenden Sie höchstens 254 Zeichen.',
    'email-invalid': 'Geben Sie eine gültige E-Mail-Adresse ein, etwa sie@example.com.',
    'currency-not-text': 'Geben Sie einen Währungscode ein.',
    'not-a-currency': 'Verwenden Sie einen dreibuchstabigen Währungscode wie EUR.',
    'fields-invalid': 'Diese Felddefinitionen konnten nicht gespeichert werden.',
    'not-a-pipeline': 'Jeder Meilenstein braucht einen Namen, eine Wahrscheinlichkeit von 0 bis 100 und ganze Tage; Namen und Verlustgründe dürfen sich nicht wiederholen.',
    'tracks-invalid': 'Ein Ablauf braucht einen Namen und mindestens einen Schritt, jeder mit einer Beschreibung und einer ganzen Zahl von Tagen ab 0.',
    'unreadable': 'Diese Einstellungen konnten nicht gelesen werden.',
  },
});

/** The settings form's refusals in words, field by field. */
export const settingsErrorsText = (errors: SettingsErrors): FieldTexts =>
  Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, SETTINGS_MESSAGES[problem]]));

/** The options page's own words: its sections, the general settings and the choice of language. */
export const OPTIONS_WORDS = catalogue({
  en: {
    sections: {
      general: 'General', security: 'Security', logins: 'Recent logins', users: 'Users', team: 'Team', export: 'Export', import: 'Import', tags: 'Tags',
      backup: 'Backup', sync: 'Sync', retention: 'Retention', audit: 'Audit log', danger: 'Danger zone', fields: 'Fields', pipeline: 'Pipeline', tracks: 'Tracks',
    },
    loading: 'Loading…', generalSettings: 'General settings',
    ownerName: 'Owner’s name', ownerNameHint: 'Shown as the owner of new records.',
    currency: 'Default currency', currencyHint: 'Three letters, such as EUR or GBP.',
    save: 'Save settings', saved: 'Settings saved.',
    settingsSections: 'Settings sections', title: 'Locket settings',
    language: 'Language', languageHint: 'Applies at once to every open Locket page.',
    browserLanguage: (name: string) => `Browser language (${name})`,
    languageNames: { en: 'English', de: 'Deutsch' },
  },
  de: {
    sections: {
      general: 'Allgemein', security: 'Sicherheit', logins: 'Letzte Anmeldungen', users: 'Benutzer', team: 'Team', export: 'Export', import: 'Import', tags: 'Schlagwörter',
      backup: 'Sicherung', sync: 'Synchronisierung', retention: 'Aufbewahrung', audit: 'Prüfprotokoll', danger: 'Gefahrenbereich', fields: 'Felder', pipeline: 'Pipeline', tracks: 'Abläufe',
    },
    loading: 'Wird geladen…', generalSettings: 'Allgemeine Einstellungen',
    ownerName: 'Name der zuständigen Person', ownerNameHint: 'Wird bei neuen Datensätzen als zuständige Person eingetragen.',
    currency: 'Standardwährung', currencyHint: 'Drei Buchstaben, etwa EUR oder CHF.',
    save: 'Einstellungen speichern', saved: 'Einstellungen gespeichert.',
    settingsSections: 'Bereiche der Einstellungen', title: 'Locket-Einstellungen',
    language: 'Sprache', languageHint: 'Gilt sofort für jede geöffnete Seite von Locket.',
    browserLanguage: (name: string) => `Sprache des Browsers (${name})`,
    // Each language is named in itself, whatever the page speaks.
    languageNames: { en: 'English', de: 'Deutsch' },
  },
});
