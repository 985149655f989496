import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_PREFIXES, neutraliseCell, restoreCell } from '../../../core/csv/neutralise';

const tricky = fc.string({
  unit: fc.oneof(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ','), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 12,
});

describe('formula neutralisation', () => {
  it.each(FORMULA_PREFIXES.map((prefix) => [JSON.stringify(prefix), prefix]))(
    'writes a cell starting with %s as text behind an apostrophe',
    (_name, prefix) => {
      expect(neutraliseCell(`${prefix}HYPERLINK("http://evil.example")`)).toBe(`'${prefix}HYPERLINK("http://evil.example")`);
    },
  );

  it('leaves cells that cannot start a formula alone', () => {
    for (const cell of ['Ada', '', ' =1', 'a=b', "O'Brien", "'quoted'", '1+1', '中文']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('also escapes a value that already looks neutralised, so reading it back keeps its apostrophe', () => {
    expect(neutraliseCell("'=1+1")).toBe("''=1+1");
    expect(restoreCell("''=1+1")).toBe("'=1+1");
  });

  it('reading strips the apostrophe only before a formula character', () => {
    expect(restoreCell("'+44 20 7946 0000")).toBe('+44 20 7946 0000');
    expect(restoreCell("'tis the season")).toBe("'tis the season");
    expect(restoreCell("'")).toBe("'");
  });

  it('no neutralised cell starts with a formula character, and every one reads back as written', () => {
    fc.assert(fc.property(tricky, (value) => {
      const cell = neutraliseCell(value);
      expect(FORMULA_PREFIXES.some((prefix) => cell.startsWith(prefix))).toBe(false);
      expect(restoreCell(cell)).toBe(value);
    }), { numRuns: 2000 });
  });
});
