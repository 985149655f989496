/** The languages Locket speaks. English comes first: it is the fallback for any other language. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The first of the browser's languages Locket speaks ("de-AT" → "de"), or English when it speaks none of them. */
export const localeFromLanguages = (languages: readonly string[]): Locale => {
  for (const tag of languages) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return 'en';
};
