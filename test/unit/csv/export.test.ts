import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LOCKET_COLUMNS, columnDocs, columnDocsMarkdown } from '../../../core/csv/columns';
import { createCsvWriter, recordsToCsv } from '../../../core/csv/export';
import { FORMULA_PREFIXES } from '../../../core/csv/neutralise';
import { contextFor, createRecordMaker } from './fixtures';

const make = createRecordMaker();
const acme = make('organisation', { name: 'Acme, "The" Company', domain: 'acme.example', tags: ['=cmd|calc'] });
const ada = make('person', {
  firstName: '@Ada', lastName: '-Lovelace', organisationId: acme.id, phones: ['+44 20 7946 0000'],
  addresses: ['1 High St\nLeeds'], customFields: [{ name: 'Ref', value: '=HYPERLINK("x")' }],
});
const context = contextFor([acme, ada]);

describe('CSV export', () => {
  it('starts with the header row and ends every row with CRLF', () => {
    const csv = recordsToCsv('contacts', [acme, ada], context, { bom: false });
    expect(csv.startsWith('Locket ID,Type,First Name,Last Name,Name,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.length === LOCKET_COLUMNS.contacts.length)).toBe(true);
  });

  it('writes a byte-order mark only when asked', () => {
    expect(recordsToCsv('cases', [], context, { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(recordsToCsv('cases', [], context, { bom: false }).startsWith('Locket ID')).toBe(true);
  });

  it('no cell of the file starts with a formula character', () => {
    const csv = recordsToCsv('contacts', [acme, ada], context, { bom: false });
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
    const offending = cells.filter((cell) => FORMULA_PREFIXES.some((prefix) => cell.startsWith(prefix)));
    expect(offending).toEqual([]);
    expect(cells).toContain("'@Ada");
    expect(cells).toContain("'+44 20 7946 0000");
    expect(cells).toContain("'=cmd|calc");
  });

  it('writes the linked organisation’s name beside its id', () => {
    const [, , adaRow] = Papa.parse<string[]>(recordsToCsv('contacts', [acme, ada], context, { bom: false }), { skipEmptyLines: true }).data;
    const column = (header: string) => LOCKET_COLUMNS.contacts.findIndex((c) => c.header === header);
    expect(adaRow?.[column('Organisation ID')]).toBe(acme.id);
    expect(adaRow?.[column('Organisation')]).toBe('Acme, "The" Company');
  });

  it('writes batch by batch exactly what it writes at once', () => {
    const records = Array.from({ length: 25 }, (_, i) => make('person', { firstName: `P${i}`, tags: [`t${i % 3}`] }));
    const writer = createCsvWriter('contacts', context, { bom: true });
    let streamed = writer.start();
    for (let start = 0; start < records.length; start += 7) streamed += writer.write(records.slice(start, start + 7));
    streamed += writer.write([]);
    expect(streamed).toBe(recordsToCsv('contacts', records, context, { bom: true }));
  });

  it('documents every column of every file', () => {
    const docs = columnDocs();
    const total = Object.values(LOCKET_COLUMNS).reduce((sum, columns) => sum + columns.length, 0);
    expect(docs).toHaveLength(total);
    expect(docs.every((doc) => doc.meaning.length > 0)).toBe(true);
    expect(columnDocsMarkdown().split('\n')).toHaveLength(total + 2);
    expect(new Set(docs.map((doc) => doc.file))).toEqual(new Set(['contacts.csv', 'cases.csv', 'opportunities.csv', 'notes.csv', 'tasks.csv', 'activities.csv']));
  });
});
