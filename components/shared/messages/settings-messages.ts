import type { SettingsErrors, SettingsProblem } from '../../../core/settings/contract';
import type { FieldTexts } from './field-messages';

/** The words for each refusal of a setting; a code without words fails to compile. */
export const SETTINGS_MESSAGES: { readonly [P in SettingsProblem]: string } = {
  'name-not-text': 'Enter a name.',
  'name-too-long': 'Use at most 200 characters.',
  'email-not-text': 'Enter an email address.',
  'email-too-long': 'Use at most 254 characters.',
  'email-invalid': 'Enter a valid email address, such as you@example.com.',
  'currency-not-text': 'Enter a currency code.',
  'not-a-currency': 'Use a three-letter currency code, such as EUR.',
  'unreadable': 'These settings could not be read.',
};

/** The settings form's refusals in words, field by field. */
export const settingsErrorsText = (errors: SettingsErrors): FieldTexts =>
  Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, SETTINGS_MESSAGES[problem]]));
