/**
 * Intl's formatters, made once per locale and options: making one costs about 0.2 ms (a date
 * format) against a few µs to use it, and a screen of rows formats the same way hundreds of
 * times. A constructor that throws (an unknown currency or zone) caches nothing and throws.
 */

/** Enough for every locale, currency and style a page uses; past it the cache starts again. */
const MOST_KEPT = 256;

const cached = <F, O>(make: (locale: string | undefined, options: O | undefined) => F) => {
  const kept = new Map<string, F>();
  return (locale: string | undefined, options?: O): F => {
    const key = `${locale ?? ''}\u0000${options === undefined ? '' : JSON.stringify(options)}`;
    let format = kept.get(key);
    if (format === undefined) {
      format = make(locale, options);
      if (kept.size >= MOST_KEPT) kept.clear();
      kept.set(key, format);
    }
    return format;
  };
};

export const dateTimeFormat = cached<Intl.DateTimeFormat, Intl.DateTimeFormatOptions>((locale, options) => new Intl.DateTimeFormat(locale, options));
export const numberFormat = cached<Intl.NumberFormat, Intl.NumberFormatOptions>((locale, options) => new Intl.NumberFormat(locale, options));
export const pluralRules = cached<Intl.PluralRules, Intl.PluralRulesOptions>((locale, options) => new Intl.PluralRules(locale, options));
export const collator = cached<Intl.Collator, Intl.CollatorOptions>((locale, options) => new Intl.Collator(locale, options));
