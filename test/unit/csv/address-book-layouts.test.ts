import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout, guessMapping } from '../../../core/csv/mapping';
import type { ImportPlan } from '../../../core/csv/import';
import { createRecordMaker, plan, plannedRowAt, table } from './fixtures';

const fixture = (name: string): string => readFileSync(resolve(__dirname, '../../fixtures/import', name), 'utf8');
const GOOGLE = fixture('google-contacts.csv');
const OUTLOOK = fixture('outlook-contacts.csv');

const newPerson = (source: string | ImportPlan, rowNumber: number) => {
  const row = plannedRowAt(typeof source === 'string' ? plan({ contacts: source }) : source, rowNumber);
  if (row.action !== 'new' || row.record.kind !== 'person') throw new Error(`expected a new person, got ${row.action}`);
  return row.record;
};

const noteFor = (result: ImportPlan, personId: string) => result.rows.filter(
  (row) => row.file === 'notes' && row.action === 'new' && row.record.kind === 'note' && row.record.fields.recordId === personId,
);

describe('Google Contacts CSV', () => {
  it('is recognised from its header row, and its label columns are left out', () => {
    const { headers } = table(GOOGLE);
    expect(detectLayout(headers)).toBe('google');
    const mapping = guessMapping('contacts', headers);
    const targetOf = (header: string) => mapping.columns[headers.indexOf(header)];
    expect(targetOf('E-mail 1 - Label')).toBeNull();
    expect(targetOf('E-mail 2 - Value')).toBe('emails');
    expect(targetOf('Phone 2 - Value')).toBe('phones');
    expect(targetOf('Organization Title')).toBe('jobTitle');
    expect(targetOf('Organization Name')).toBe('organisationName');
    expect(targetOf('Organization Department')).toEqual({ customField: 'Department' });
    expect(targetOf('Address 2 - City')).toBe('city');
    expect(targetOf('Website 1 - Value')).toBe('websites');
    expect(targetOf('Notes')).toBe('note');
  });

  it('puts every email, phone, address and website in its place, job title and department too', () => {
    const mira = newPerson(GOOGLE, 2);
    expect(mira.fields).toMatchObject({
      firstName: 'Mira', lastName: 'Sample', jobTitle: 'Head of Purchasing',
      emails: ['mira.sample@example.com', 'mira@example.org', 'mira.s@example.net'],
      phones: ['+49 151 00000001', '+49 30 0000002'],
      addresses: ['Musterstraße 1, Berlin, 10115, DE', 'Beispielweg 2, 20095 Hamburg'],
      websites: ['https://www.example.com/mira'],
      tags: ['starred', 'Suppliers'],
    });
    expect(mira.fields.customFields).toEqual([
      { name: 'Department', value: 'Procurement' }, { name: 'Birthday', value: '1984-03-15' },
    ]);
    expect(newPerson(GOOGLE, 3).fields.emails).toEqual(['tom.placeholder@example.com']);
  });

  it('turns the Notes column into a note on the person, not a custom field', () => {
    const result = plan({ contacts: GOOGLE });
    const notes = noteFor(result, newPerson(result, 2).id);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    if (note?.action !== 'new' || note.record.kind !== 'note') throw new Error('expected a new note');
    expect(note.record.fields.body).toBe('Met at the trade fair.\nPrefers email.');
  });

  it('finds a person Locket already has by any of the emails, so a second import skips them', () => {
    const make = createRecordMaker();
    const known = make('person', { firstName: 'Mira', lastName: 'S', emails: ['mira.s@example.net'] });
    const result = plan({ contacts: GOOGLE }, { existing: [known] });
    expect(plannedRowAt(result, 2)).toMatchObject({ action: 'skip', id: known.id, matchedBy: 'email' });
    expect(noteFor(result, known.id)).toEqual([]);
  });
});

describe('Outlook CSV', () => {
  it('is recognised from its header row; Outlook’s bookkeeping columns are left out', () => {
    const { headers } = table(OUTLOOK);
    expect(detectLayout(headers)).toBe('outlook');
    const mapping = guessMapping('contacts', headers);
    const targetOf = (header: string) => mapping.columns[headers.indexOf(header)];
    expect(targetOf('E-mail 2 Address')).toBe('emails');
    expect(targetOf('E-mail 3 Address')).toBe('emails');
    expect(targetOf('E-mail Type')).toBeNull();
    expect(targetOf('E-mail Display Name')).toBeNull();
    expect(targetOf('Sensitivity')).toBeNull();
    expect(targetOf('Home City')).toBe('city');
    expect(targetOf('Business City')).toBe('city');
    expect(targetOf('Web Page')).toBe('websites');
    expect(targetOf('Company')).toBe('organisationName');
    expect(targetOf('Department')).toEqual({ customField: 'Department' });
  });

  it('puts every email, phone and address (business and home apart) in its place', () => {
    const jana = newPerson(OUTLOOK, 2);
    expect(jana.fields).toMatchObject({
      firstName: 'Jana', lastName: 'Example', jobTitle: 'Fleet Manager',
      emails: ['jana.example@example.co.uk', 'jana@example.org', 'j.example@example.net'],
      phones: ['+44 161 496 0000', '+44 161 496 0999', '+44 7700 900123'],
      addresses: ['5 Example Road, Unit 4, Manchester, M1 1AA, United Kingdom', '7 Sample Lane, Salford, M5 4WT, United Kingdom'],
      websites: ['https://www.example.co.uk'],
      tags: ['Customers', 'Logistics'],
    });
    expect(jana.fields.customFields).toContainEqual({ name: 'Department', value: 'Operations' });
    expect(jana.fields.customFields).toContainEqual({ name: 'Birthday', value: '4/2/1979' });
    expect(jana.fields.customFields.map((field) => field.name)).not.toContain('E-mail Type');
  });

  it('links the company, keeps the notes as a note, and reads "0/0/00" as no date', () => {
    const result = plan({ contacts: OUTLOOK });
    const lars = newPerson(result, 3);
    expect(lars.fields.customFields.map((field) => field.name)).not.toContain('Birthday');
    const company = result.rows.find((row) => row.action === 'new' && row.record.kind === 'organisation' && row.record.id === lars.fields.organisationId);
    expect(company).toMatchObject({ record: { fields: { name: 'Muster AB' } } });
    const jana = newPerson(result, 2);
    expect(noteFor(result, jana.id).map((row) => row.action === 'new' && row.record.kind === 'note' && row.record.fields.body)).toEqual(['Renewal due in spring.']);
  });
});
