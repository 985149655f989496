import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, checkImportSize, parseCsv,
} from '../../../core/csv/import';
import { encode, refusal, table } from './fixtures';
import { importFileRefusalText, rowNoteText } from '../../../components/shared/messages/import-messages';

describe('reading a CSV file', () => {
  it('numbers rows as a spreadsheet does: header row 1, multi-line cells one row, blank lines counted', () => {
    const parsed = table('Name,Notes\r\nAcme,"two\nlines"\r\n\r\nGlobex,x\r\n');
    expect(parsed.headers).toEqual(['Name', 'Notes']);
    expect(parsed.rows.map((row) => [row.rowNumber, row.cells])).toEqual([
      [2, ['Acme', 'two\nlines']],
      [4, ['Globex', 'x']],
    ]);
  });

  it('reads the same with and without a byte-order mark', () => {
    expect(table('\uFEFFEmail\nada@example.com\n')).toEqual(table('Email\nada@example.com\n'));
    expect(table('\uFEFFEmail\nada@example.com\n').headers).toEqual(['Email']);
  });

  it.each([['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']])('reads %s line endings, keeping line breaks inside quoted cells', (_name, newline) => {
    const parsed = table(['Name,Address', 'Acme,"1 Road\r\nLeeds"', 'Globex,x', ''].join(newline));
    expect(parsed.rows.map((row) => row.cells)).toEqual([['Acme', '1 Road\r\nLeeds'], ['Globex', 'x']]);
  });

  it('reads semicolon-separated files from European spreadsheets', () => {
    expect(table('Name;City\nAcme;Lyon, France\n').rows[0]?.cells).toEqual(['Acme', 'Lyon, France']);
  });

  it('removes the apostrophe a neutralising exporter put before a formula character', () => {
    expect(table("Phone\n'+44 20 7946 0000\n").rows[0]?.cells).toEqual(['+44 20 7946 0000']);
  });

  it('marks rows with the wrong number of cells, and keeps the others', () => {
    const parsed = table('First Name,Last Name,Email\nAda,Lovelace,ada@example.com\nBob,Smith\nCy,D,c@x.org,extra\n');
    expect(parsed.rows.map((row) => row.problem && rowNoteText(row.problem))).toEqual([
      null,
      'This row has 2 cells but the header has 3; a comma or quote is probably out of place.',
      'This row has 4 cells but the header has 3; a comma or quote is probably out of place.',
    ]);
  });

  it('marks the row where a quote is never closed', () => {
    const parsed = table('Name,Note\nAcme,fine\nGlobex,"never closed\nInitech,x\n');
    expect(parsed.rows[0]?.problem).toBeNull();
    expect(parsed.rows[1]?.rowNumber).toBe(3);
    expect(rowNoteText(parsed.rows[1]!.problem!)).toMatch(/quoted cell is never closed/);
  });

  it('refuses an empty file', () => {
    expect(refusal(encode(''))).toBe('This file is empty.');
    expect(refusal(encode(' \r\n\r\n'))).toBe('This file is empty.');
  });

  it('refuses a header with no data', () => {
    expect(refusal(encode('First Name,Last Name\r\n'))).toBe('This file has a header row but no rows of data.');
    expect(refusal(encode('First Name,Last Name\r\n,\r\n\r\n'))).toBe('This file has a header row but no rows of data.');
  });

  it('refuses text that is not UTF-8, and says how to fix it', () => {
    const latin1 = Uint8Array.from([...encode('Name\n'), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    expect(refusal(latin1)).toMatch(/not UTF-8.*CSV UTF-8/);
  });

  it('refuses UTF-16, Excel, zip and PDF files by name', () => {
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0x4e, 0x00]))).toMatch(/UTF-16/);
    expect(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatch(/zip or Excel \(\.xlsx\)/);
    expect(refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/old Excel/);
    expect(refusal(encode('%PDF-1.7\n'))).toMatch(/PDF/);
  });

  it('refuses binary data', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 32);
    expect(refusal(bytes)).toMatch(/not text/);
  });

  it('refuses HTML, JSON and prose that are not CSV', () => {
    expect(refusal(encode('<!DOCTYPE html><html><body>Contacts</body></html>\n'))).toMatch(/does not look like a CSV/);
    expect(refusal(encode('[{"name":"Ada"}]'))).toMatch(/does not look like a CSV/);
    expect(refusal(encode('Dear team we met many people at the fair this year and here they are\nAda\n'))).toMatch(/does not look like a CSV/);
  });

  it('accepts a one-column file with a short header', () => {
    expect(table('Email\nada@example.com\n').rows).toHaveLength(1);
  });

  it('refuses files over the limit before reading them', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    const tooLarge = checkImportSize(MAX_IMPORT_BYTES + 1);
    expect(tooLarge && importFileRefusalText(tooLarge)).toMatch(/up to 50\.0 MB/);
    const parsed = parseCsv(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(parsed.ok).toBe(false);
  });

  describe('refuses files too big to preview, naming the numbers', () => {
    const header = (columns: number): string => Array.from({ length: columns }, (_, i) => `Column ${i + 1}`).join(',');

    it(`takes ${MAX_IMPORT_COLUMNS} columns, and refuses one more`, () => {
      expect(table(`${header(MAX_IMPORT_COLUMNS)}\n${','.repeat(MAX_IMPORT_COLUMNS - 1)}x\n`).headers).toHaveLength(MAX_IMPORT_COLUMNS);
      expect(refusal(encode(`${header(MAX_IMPORT_COLUMNS + 1)}\nx\n`)))
        .toBe('This file has 501 columns; Locket imports up to 500. Remove the columns you do not need, or split the file.');
    });

    it('refuses a data row with more cells than the column limit', () => {
      expect(refusal(encode(`Name\nAcme\n${'x,'.repeat(1200)}x\n`)))
        .toBe('Row 3 has 1,201 cells; Locket imports up to 500 columns. Remove the cells you do not need, or split the file.');
    });

    it(`takes cells of ${MAX_IMPORT_CELL_CHARS.toLocaleString('en')} characters, and refuses a longer one with its row and column`, () => {
      expect(table(`Name,Notes\nAcme,${'n'.repeat(MAX_IMPORT_CELL_CHARS)}\n`).rows[0]?.cells[1]).toHaveLength(MAX_IMPORT_CELL_CHARS);
      expect(refusal(encode(`Name,Notes\nAcme,short\nGlobex,"${'n'.repeat(250_000)}"\n`)))
        .toBe('Row 3 has a cell of 250,000 characters (column “Notes”); Locket imports cells of up to 100,000 characters. Shorten it, or leave that column out of the file.');
      expect(refusal(encode(`Name,${'N'.repeat(150_000)}\nAcme,x\n`)))
        .toBe('Row 1 has a cell of 150,000 characters; Locket imports cells of up to 100,000 characters. Shorten it, or leave that column out of the file.');
      expect(refusal(encode(`Name,${'Long heading '.repeat(10)}\nAcme,"${'n'.repeat(100_001)}"\n`)))
        .toMatch(/^Row 2 has a cell of 100,001 characters \(column “Long heading Long heading Long heading L…”\)/);
    });

    it(`takes ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, and refuses more`, () => {
      const rows = (count: number): string => `Email\n${'a@example.com\n'.repeat(count)}`;
      expect(table(rows(MAX_IMPORT_ROWS)).rows).toHaveLength(MAX_IMPORT_ROWS);
      expect(table(rows(MAX_IMPORT_ROWS).replace(/\n$/, '')).rows).toHaveLength(MAX_IMPORT_ROWS);
      const tooMany = 'This file has more than 200,000 rows; Locket imports up to 200,000 rows at a time. Split it into smaller files.';
      expect(refusal(encode(rows(MAX_IMPORT_ROWS + 1)))).toBe(tooMany);
      expect(refusal(encode(rows(MAX_IMPORT_ROWS * 2)))).toBe(tooMany);
    });
  });
});
