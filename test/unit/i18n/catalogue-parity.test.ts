import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../core/i18n/locale';
import { catalogue, definedCatalogues } from '../../../components/shared/i18n/catalogue';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';

/** Every file under components/ that defines words: the check imports them all, so no catalogue escapes it. */
const root = join(import.meta.dirname, '../../..');
const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : [path];
});
const catalogueFiles = filesUnder(join(root, 'components'))
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
  .filter((path) => /\bcatalogue[<(]/.test(readFileSync(path, 'utf8')) && !relative(root, path).startsWith('components/shared/i18n/'));

/** Keys a table has, nested keys as dotted paths, with each function's place marked by its arity. */
const shape = (table: unknown, prefix = ''): string[] => {
  if (typeof table === 'function') return [`${prefix}()${table.length}`];
  if (typeof table !== 'object' || table === null) return [prefix];
  return Object.keys(table).flatMap((key) => shape((table as Record<string, unknown>)[key], `${prefix}.${key}`)).sort();
};

describe('message catalogues', () => {
  it('are all found by this check', async () => {
    expect(catalogueFiles.length).toBeGreaterThan(5);
    for (const file of catalogueFiles) await import(file);
    expect(definedCatalogues().length).toBeGreaterThanOrEqual(catalogueFiles.length);
  });

  it('give every language the same keys, nested tables and word functions', async () => {
    for (const file of catalogueFiles) await import(file);
    const lacking: string[] = [];
    definedCatalogues().forEach((tables, index) => {
      const english = shape(tables.en);
      for (const locale of LOCALES) {
        const other = shape(tables[locale]);
        const table = `table #${index} (${english.slice(0, 2).join(', ')}…)`;
        for (const key of english) if (!other.includes(key)) lacking.push(`${table}: ${locale} lacks ${key}`);
        for (const key of other) if (!english.includes(key)) lacking.push(`${table}: en lacks ${key} (${locale} has it)`);
      }
    });
    expect(lacking, catalogueFiles.map((file) => relative(root, file)).join(', ')).toEqual([]);
  });

  it('fail this check when a language lacks a key the other has', () => {
    const before = definedCatalogues().length;
    // @ts-expect-error: the German table lacks a key; the compiler refuses it, and so must the check at run time.
    catalogue({ en: { save: 'Save', cancel: 'Cancel' }, de: { save: 'Speichern' } });
    const added = definedCatalogues()[before];
    expect(added && shape(added.de)).not.toEqual(added && shape(added.en));
  });

  it('answer in the language of the moment, nested tables and lists included', () => {
    const words = catalogue({ en: { kind: { one: 'Case' }, list: ['Weak'] }, de: { kind: { one: 'Vorgang' }, list: ['Schwach'] } });
    setCurrentLocale('de');
    expect([words.kind.one, words.list[0]]).toEqual(['Vorgang', 'Schwach']);
    setCurrentLocale('en');
    expect([words.kind.one, words.list[0], Object.keys(words.kind)]).toEqual(['Case', 'Weak', ['one']]);
  });
});
