import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_PREFIXES, neutraliseCell, restoreCell } from '../../../core/csv/neutralise';

/** Formula characters, their look-alikes and what can hide before them, mixed with any text. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ','),
    fc.constantFrom(' ', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000', '\u202E', '\u00AD'),
    fc.constantFrom('\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFF07', '\uFE62', '\uFE66', '\u207A', '\u2A75'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

/** What a spreadsheet would look at: the first character that is not blank, invisible or an apostrophe, read as NFKC. */
const firstVisible = (cell: string): string => cell.normalize('NFKC').replace(/^[\s\p{Cf}']+/u, '').slice(0, 1);

describe('formula neutralisation', () => {
  it.each(FORMULA_PREFIXES.map((prefix) => [JSON.stringify(prefix), prefix]))(
    'writes a cell starting with %s as text behind an apostrophe',
    (_name, prefix) => {
      expect(neutraliseCell(`${prefix}HYPERLINK("http://evil.example")`)).toBe(`'${prefix}HYPERLINK("http://evil.example")`);
    },
  );

  it('leaves cells that cannot start a formula alone', () => {
    for (const cell of ['Ada', '', 'a=b', "O'Brien", "'quoted'", '1+1', '中文', ' Ada', '\u00A0x=1', '＄5']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it.each([
    ['leading spaces', '  =HYPERLINK("http://evil.example")'],
    ['a non-breaking space', '\u00A0=1+1'],
    ['a zero-width space', '\u200B=1+1'],
    ['a zero-width joiner and a word joiner', '\u200D\u2060+1'],
    ['a byte-order mark', '\uFEFF@SUM(A1)'],
    ['an ideographic space', '\u3000-1'],
    ['a right-to-left mark', '\u200F=1'],
    ['spaces after an apostrophe', "' =1"],
    ['full-width equals', '\uFF1DHYPERLINK("http://evil.example")'],
    ['full-width plus', '\uFF0B1'],
    ['full-width hyphen-minus', '\uFF0D1'],
    ['full-width commercial at', '\uFF20SUM(A1)'],
    ['small equals', '\uFE66 1'],
    ['a space then full-width equals', ' \uFF1D1'],
  ])('writes a cell that starts with a formula character after %s as text', (_name, cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(restoreCell(`'${cell}`)).toBe(cell);
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
      if (FORMULA_PREFIXES.some((prefix) => firstVisible(value).startsWith(prefix))) expect(cell.startsWith("'")).toBe(true);
      expect(restoreCell(cell)).toBe(value);
    }), { numRuns: 2000 });
  });

  it('import removes exactly what export added, for any string at all', () => {
    fc.assert(fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' })), (value) => {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }), { numRuns: 5000 });
  });
});
