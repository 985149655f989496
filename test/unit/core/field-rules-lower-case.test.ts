import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueIgnoringCase } from '../../../core/records/field-rules';

/** The rule uniqueIgnoringCase used before it chose the faster toLowerCase. */
const byEnglishLowerCase = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

describe('duplicates in a list of emails or tags, ignoring case', () => {
  it('lower-cases exactly as English does, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
      expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('en'));
    }), { numRuns: 2000 });
    // Letters whose lower case depends on the language or the context.
    for (const text of ['İstanbul', 'ΣΊΣΥΦΟΣ', 'I', 'Ǆ', 'ẞ', 'Ω', 'K', 'Å', 'ÎÌĨ']) expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('en'));
  });

  it('keeps the same spellings as comparing in English lower case', () => {
    const cased = fc.constantFrom('ada@example.com', 'ADA@example.com', 'Ada@Example.COM', 'İnci', 'inci', 'INCI', 'straße', 'STRASSE', 'Σίσυφος', 'ΣΊΣΥΦΟΣ');
    fc.assert(fc.property(fc.array(fc.oneof(cased, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 }), (values) => {
      expect(uniqueIgnoringCase(values)).toEqual(byEnglishLowerCase(values));
    }), { numRuns: 1000 });
  });
});
