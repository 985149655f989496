import { currentLocale, intlLocale } from './locale';

/** A count, a sum or a date in the page's language: every number and date on screen goes through here. */
export const formatNumber = (n: number): string => new Intl.NumberFormat(intlLocale()).format(n);

export const formatDate = (at: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Intl.DateTimeFormat(intlLocale(), options).format(at);

export const formatDateTime = (at: number | Date, timeStyle: 'short' | 'medium' = 'short'): string =>
  formatDate(at, { dateStyle: 'medium', timeStyle });

/** The forms of a word by the language's plural category; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** The form for `n` under the page's plural rules ("1 Datensatz", "2 Datensätze"). */
export const plural = (n: number, forms: PluralForms): string =>
  forms[new Intl.PluralRules(currentLocale()).select(n)] ?? forms.other;

/** "3 records", "1 record": the count formatted, then its word in the right form. */
export const counted = (n: number, forms: PluralForms): string => `${formatNumber(n)} ${plural(n, forms)}`;
