import type { Locator, Page } from '@playwright/test';
import { setCurrentLocale } from '../../components/shared/i18n/locale';
import { expect } from './fixtures';
import { DEFAULT_OWNER, field, surfaceElement } from './ui';

/** The first-run form of a German browser, filled in German; waits until the page shows its surface. */
export const createGermanAccount = async (page: Page): Promise<void> => {
  await expect(page.getByRole('heading', { name: 'Locket einrichten', exact: true })).toBeVisible({ timeout: 15_000 });
  const form = page.getByRole('form', { name: 'Ihr Konto erstellen' });
  await field(form, 'Ihr Name').fill(DEFAULT_OWNER.name);
  await field(form, 'E-Mail').fill(DEFAULT_OWNER.email);
  await field(form, 'Passwort').fill(DEFAULT_OWNER.password);
  await form.getByRole('button', { name: 'Konto erstellen', exact: true }).click();
  await expect(surfaceElement(page)).toBeVisible({ timeout: 15_000 });
};

/** Stands for every argument a word function takes: a string, a number (NaN) or an object whose fields are it. */
const HOLE = '\u241F';
const hole: unknown = new Proxy({}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => HOLE : HOLE),
});

/** The fixed words of a catalogue entry: a string, the strings of a table, or a function's text around its arguments. */
const wordsOf = (entry: unknown): string[] => {
  if (typeof entry === 'string') return [entry];
  if (typeof entry === 'function') {
    const text = String((entry as (...args: unknown[]) => unknown)(hole, hole, hole));
    return text.split(new RegExp(`${HOLE}|NaN`));
  }
  if (typeof entry === 'object' && entry !== null) return Object.values(entry).flatMap(wordsOf);
  return [];
};

const wordsIn = (catalogue: object, locale: 'en' | 'de'): string[] => {
  setCurrentLocale(locale);
  return wordsOf(catalogue).map((words) => words.trim()).filter((words) => /\p{L}{3}/u.test(words));
};

/**
 * The English words of these catalogues that German does not share ("Quick capture", "Captured
 * from", "Add person"), read from the catalogues themselves so that a new entry is checked too.
 */
export const englishOnlyWords = (...catalogues: readonly object[]): string[] => {
  const german = new Set(catalogues.flatMap((catalogue) => wordsIn(catalogue, 'de')));
  const english = catalogues.flatMap((catalogue) => wordsIn(catalogue, 'en'));
  return [...new Set(english.filter((words) => !german.has(words)))];
};

const asWords = (words: string): RegExp => new RegExp(`(^|[^\\p{L}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

/** Fails naming every English phrase found in this text (the toolbar popup's, which no Playwright page holds). */
export const expectNoEnglishText = (shown: string, englishWords: readonly string[]): void => {
  expect(englishWords.filter((words) => asWords(words).test(shown)), shown).toEqual([]);
};

/** The same over a part of a page as its accessibility tree reads: names, labels and values included. */
export const expectNoEnglish = async (part: Locator, englishWords: readonly string[]): Promise<void> => {
  expectNoEnglishText(await part.ariaSnapshot(), englishWords);
};
