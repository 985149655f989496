import { describe, expect, it } from 'vitest';
import { vcardFileName, writeVcards } from '../../../core/vcard/write-vcards';
import { createRecordMaker } from '../csv/fixtures';
import { newContacts, notesOf, planVcf, readVcf } from './vcard-support';

const make = createRecordMaker();
const acme = make('organisation', {
  name: 'Acme Ltd', domain: 'acme.example', emails: ['hello@acme.example'], phones: ['+44 20 7946 0000'],
  websites: ['https://acme.example'], addresses: ['1 Harbour Rd, Arlington, 22201, USA'], tags: ['supplier'],
});
const ada = make('person', {
  firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst; Engines, Inc.', organisationId: acme.id,
  emails: ['ada@acme.example', 'ada@home.example'], phones: ['+44 7700 900001', '+44 20 7946 0001'],
  websites: ['https://ada.example/about'], addresses: ['12 St James’s Sq, London, SW1Y 4JH', 'Ockham Park, Surrey'],
  tags: ['vip', 'math & logic'], customFields: [{ name: 'Department', value: 'Research' }, { name: 'Birthday', value: '1815-12-10' }],
});

describe('exporting vCard 4.0 and importing it again', () => {
  it('writes vCard 4.0 that Locket reads back with every field in its place', async () => {
    const text = await writeVcards([
      { record: acme, organisationName: null, notes: [] },
      { record: ada, organisationName: 'Acme Ltd', notes: ['First met in 1833.\nKeen on engines; and looms, too.'] },
    ]);
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect((await readVcf(text)).table.rows).toHaveLength(2);

    const result = await planVcf(text);
    const contacts = newContacts(result);
    const organisation = contacts.find((record) => record.kind === 'organisation');
    const person = contacts.find((record) => record.kind === 'person');
    expect(organisation?.fields).toMatchObject({
      name: 'Acme Ltd', emails: acme.fields.emails, phones: acme.fields.phones, websites: acme.fields.websites,
      addresses: acme.fields.addresses, tags: acme.fields.tags,
    });
    if (person?.kind !== 'person') throw new Error('expected the person back');
    const { firstName, lastName, jobTitle, emails, phones, websites, addresses, tags, customFields } = ada.fields;
    expect(person.fields).toMatchObject({ firstName, lastName, jobTitle, emails, phones, websites, addresses, tags, organisationId: organisation?.id });
    expect(person.fields.customFields).toEqual(customFields);
    expect(notesOf(result, person.id)).toEqual(['First met in 1833.\nKeen on engines; and looms, too.']);
  });

  it('names the file after the one contact it holds, else as Locket’s contacts', () => {
    expect(vcardFileName([{ record: ada, organisationName: null, notes: [] }])).toBe('Ada Lovelace.vcf');
    expect(vcardFileName([{ record: ada, organisationName: null, notes: [] }, { record: acme, organisationName: null, notes: [] }]))
      .toBe('locket-contacts.vcf');
  });
});
