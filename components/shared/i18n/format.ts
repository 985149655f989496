import { dateTimeFormat, numberFormat, pluralRules } from '../../../core/i18n/intl-cache';
import { currentLocale, intlLocale } from './locale';

/** A count, a sum or a date in the page's language: every number and date on screen goes through here. */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  numberFormat(intlLocale(), options).format(n);

/** A size in megabytes with one decimal ("5.0 MB", "5,0 MB"): how file and storage sizes are shown. */
export const formatMegabytes = (bytes: number): string =>
  `${formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

export const formatDate = (at: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  dateTimeFormat(intlLocale(), options).format(at);

export const formatDateTime = (at: number | Date, timeStyle: 'short' | 'medium' = 'short'): string =>
  formatDate(at, { dateStyle: 'medium', timeStyle });

/** The forms of a word by the language's plural category; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** The form for `n` under the page's plural rules ("1 Datensatz", "2 Datensätze"). */
export const plural = (n: number, forms: PluralForms): string =>
  forms[pluralRules(currentLocale()).select(n)] ?? forms.other;

/** "3 records", "1 record": the count formatted, then its word in the right form. */
export const counted = (n: number, forms: PluralForms): string => `${formatNumber(n)} ${plural(n, forms)}`;
