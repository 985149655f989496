import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIdFactory } from '../../../core/ids';
import { createManualClock } from '../../../core/clock';
import { recordsToCsv } from '../../../core/csv/export';
import { createRecordIndex, planImport, type ImportPlan } from '../../../core/csv/import';
import type { CsvFile } from '../../../core/csv/fields';
import { NO_DEFINITIONS, type FieldDefinition, type FieldDefinitions } from '../../../core/custom-fields/definitions';
import { importedDate } from '../../../core/custom-fields/import-values';
import { guessMappingWithFields } from '../../../core/custom-fields/import-mapping';
import { DEFAULTS, TASK_DEFAULTS, contextFor, createRecordMaker, table } from '../csv/fixtures';

const field = (id: string, name: string, type: FieldDefinition['type']): FieldDefinition =>
  ({ id, name, type, choices: [], required: false, formerNames: [] });

const DEFINITIONS: FieldDefinitions = {
  ...NO_DEFINITIONS,
  person: [field('r', 'Renewal', 'date'), field('v', 'VIP', 'checkbox')],
  opportunity: [field('s', 'Seats', 'number')],
};

const planWith = (files: { readonly [F in CsvFile]?: string }, definitions: FieldDefinitions): ImportPlan => {
  const source = <F extends CsvFile>(file: F, text: string | undefined) => {
    if (text === undefined) return undefined;
    const parsed = table(text);
    return { table: parsed, mapping: guessMappingWithFields(file, parsed.headers, definitions) };
  };
  return planImport(
    { contacts: source('contacts', files.contacts), opportunities: source('opportunities', files.opportunities) },
    { existing: createRecordIndex([]), policy: 'skip', newId: createIdFactory(createManualClock(Date.UTC(2025, 0, 1))), defaults: DEFAULTS, definitions, tasks: TASK_DEFAULTS },
  );
};

const newRecords = (result: ImportPlan) => result.rows.flatMap((row) => (row.action === 'new' ? [row.record] : []));

describe('defined custom fields in CSV', () => {
  it('export as columns of their own, headed by their names, and import back into the same fields', () => {
    const make = createRecordMaker();
    const ada = make('person', {
      firstName: 'Ada', customFields: [{ name: 'renewal', value: '2027-03-01' }, { name: 'VIP', value: 'true' }, { name: 'Shoe size', value: '42' }],
    });
    const deal = make('opportunity', { name: 'Support plan', customFields: [{ name: 'Seats', value: '12' }] });
    const context = contextFor([ada, deal]);
    const contacts = recordsToCsv('contacts', [ada], context, { bom: false, definitions: DEFINITIONS });
    const opportunities = recordsToCsv('opportunities', [deal], context, { bom: false, definitions: DEFINITIONS });

    const contactsTable = table(contacts);
    expect(contactsTable.headers.slice(-2)).toEqual(['Renewal', 'VIP']);
    const cell = (header: string) => contactsTable.rows[0]?.cells[contactsTable.headers.indexOf(header)];
    expect(cell('Renewal')).toBe('2027-03-01');
    expect(cell('VIP')).toBe('true');
    expect(cell('Custom Fields')).toBe('Shoe size: 42');
    expect(table(opportunities).headers.at(-1)).toBe('Seats');

    const records = newRecords(planWith({ contacts, opportunities }, DEFINITIONS));
    const person = records.find((record) => record.kind === 'person');
    const opportunity = records.find((record) => record.kind === 'opportunity');
    expect(person?.kind === 'person' ? person.fields.customFields : null).toEqual([
      { name: 'Shoe size', value: '42' }, { name: 'Renewal', value: '2027-03-01' }, { name: 'VIP', value: 'true' },
    ]);
    expect(opportunity?.kind === 'opportunity' ? opportunity.fields.customFields : null).toEqual([{ name: 'Seats', value: '12' }]);
  });

  it('maps another tool’s column to a defined field by its name, ahead of a guess, storing the value in canonical form', () => {
    const csv = 'First Name,Region,seats\r\nAda,North,"1,200"\r\n';
    const definitions = { ...NO_DEFINITIONS, person: [field('g', 'Region', 'text'), field('s', 'Seats', 'number')] };
    expect(guessMappingWithFields('contacts', table(csv).headers, definitions).columns)
      .toEqual(['firstName', { customField: 'Region' }, { customField: 'seats' }]);
    const [ada] = newRecords(planWith({ contacts: csv }, definitions));
    expect(ada?.kind === 'person' ? ada.fields.customFields : null).toEqual([{ name: 'Region', value: 'North' }, { name: 'Seats', value: '1200' }]);
  });

  it('turns address books’ birthdays into a date field named Birthday, when one is defined', () => {
    const outlook = readFileSync(resolve(__dirname, '../../fixtures/import/outlook-contacts.csv'), 'utf8');
    const google = readFileSync(resolve(__dirname, '../../fixtures/import/google-contacts.csv'), 'utf8');
    const definitions = { ...NO_DEFINITIONS, person: [field('b', 'Birthday', 'date')] };
    const birthday = (records: ReturnType<typeof newRecords>, firstName: string) => {
      const person = records.find((record) => record.kind === 'person' && record.fields.firstName === firstName);
      return person?.kind === 'person' ? person.fields.customFields.find((pair) => pair.name === 'Birthday')?.value : undefined;
    };
    expect(birthday(newRecords(planWith({ contacts: outlook }, definitions)), 'Jana')).toBe('1979-04-02');
    expect(birthday(newRecords(planWith({ contacts: google }, definitions)), 'Mira')).toBe('1984-03-15');
    // Without the definition the value stays as the file wrote it.
    expect(birthday(newRecords(planWith({ contacts: outlook }, NO_DEFINITIONS)), 'Jana')).toBe('4/2/1979');
  });

  it('reads the date forms address books write, and leaves anything else as it came', () => {
    expect(importedDate('1984-03-15T00:00:00Z')).toBe('1984-03-15');
    expect(importedDate('12/31/1999')).toBe('1999-12-31');
    expect(importedDate('15.03.1984')).toBe('1984-03-15');
    expect(importedDate('--12-10')).toBe('--12-10');
    expect(importedDate('31/12/1999')).toBe('31/12/1999');
  });
});
