import { LOCALES, type Locale } from '../../../core/i18n/locale';
import { currentLocale } from './locale';

/** A table of words in every language; the English one types the others. */
export type Tables<T> = { readonly en: T } & { readonly [L in Exclude<Locale, 'en'>]: NoInfer<T> };

const defined: Tables<object>[] = [];

/** Every catalogue made so far, for the check that no language lacks a key another has. */
export const definedCatalogues = (): readonly Tables<object>[] => defined;

const isTable = (value: unknown): value is object => typeof value === 'object' && value !== null;

const pick = (tables: Tables<object>, key: PropertyKey): Tables<object> =>
  Object.fromEntries(LOCALES.map((locale) => [locale, Reflect.get(tables[locale], key) as object])) as Tables<object>;

/** The tables read as one, answering in the page's language at each read, nested tables included. */
const live = <T extends object>(tables: Tables<T>): T => {
  const now = (): object => tables[currentLocale()];
  return new Proxy(tables.en, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(now(), key);
      return isTable(value) ? live(pick(tables, key)) : value;
    },
    has: (_target, key) => Reflect.has(now(), key),
    ownKeys: () => Reflect.ownKeys(now()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(now(), key),
  });
};

/**
 * One table of words in every language, read as a single table that answers in the page's
 * language at the moment of each read: `STRENGTH_LABELS[0]` is "Very weak" or "Sehr schwach".
 * A language's table that lacks a key English has, or has one English does not, fails to
 * compile (and test/unit/i18n checks the same at run time). Read it where the words are shown
 * (in render), so that a change of language shows at the next render.
 */
export const catalogue = <T extends object>(tables: Tables<T>): T => {
  defined.push(tables);
  return live(tables);
};
