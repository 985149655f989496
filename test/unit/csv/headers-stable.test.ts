import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvFile } from '../../../core/csv/fields';
import { recordsToCsv } from '../../../core/csv/export';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { CHOICE_LABELS } from '../../../components/shared/messages/record-words';
import { contextFor, createRecordMaker } from './fixtures';

/**
 * The header rows of the six files, as README's "CSV headers" documents them: the file format,
 * written here in full so that a header renamed or translated anywhere fails this test.
 */
const HEADERS: Readonly<Record<CsvFile, string>> = {
  contacts: 'Locket ID,Type,First Name,Last Name,Name,Job Title,Organisation ID,Organisation,Domain,Emails,Phones,Websites,'
    + 'Addresses,Tags,Custom Fields,Lawful Basis,Consent Date,Consent Source,Owner,Created,Updated',
  cases: 'Locket ID,Name,Description,Status,Party ID,Party,Owner,Created,Updated',
  opportunities: 'Locket ID,Name,Party ID,Party,Value,Currency,Milestone,Probability,Expected Close Date,Status,Lost Reason,Owner,Created,Updated',
  notes: 'Locket ID,Record ID,Record,Body,Source URL,Captured At,Created,Updated',
  tasks: 'Locket ID,Description,Record ID,Record,Due Date,Due Time,Time Zone,Category,Assignee,Done At,Track ID,Created,Updated',
  activities: 'Locket ID,Type,Record ID,Record,Occurred At,Duration (minutes),Outcome,Summary,Created,Updated',
};

const make = createRecordMaker();
const ada = make('person', { firstName: 'Ada', lastName: 'Lovelace' });
const migration = make('case', { name: 'Migration', status: 'open', partyId: ada.id });
const context = contextFor([ada, migration]);

const rows = (file: CsvFile, records: Parameters<typeof recordsToCsv>[1]): string[][] =>
  Papa.parse<string[]>(recordsToCsv(file, records, context, { bom: false }), { skipEmptyLines: true }).data;

describe('CSV export in a German page', () => {
  afterEach(() => setCurrentLocale('en'));

  it('writes the same English header row in every language', () => {
    for (const locale of ['de', 'en'] as const) {
      setCurrentLocale(locale);
      for (const [file, header] of Object.entries(HEADERS) as [CsvFile, string][]) {
        expect(recordsToCsv(file, [], context, { bom: false }).split('\r\n')[0], `${file} in ${locale}`).toBe(header);
      }
    }
  });

  it('writes stored codes, not the words the German page shows for them', () => {
    setCurrentLocale('de');
    // The page itself does speak German here: the export must not take its words.
    expect(CHOICE_LABELS.open).toBe('offen');
    const [casesHeader, caseRow] = rows('cases', [migration]);
    expect(caseRow?.[casesHeader?.indexOf('Status') ?? -1]).toBe('open');
    const [contactsHeader, adaRow] = rows('contacts', [ada]);
    expect(adaRow?.[contactsHeader?.indexOf('Type') ?? -1]).toBe('person');
  });
});
