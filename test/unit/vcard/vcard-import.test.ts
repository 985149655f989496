import { describe, expect, it } from 'vitest';
import { IMPORT_PREVIEW_MESSAGES, importFileRefusalText } from '../../../components/shared/messages/import-messages';
import { readImportFile } from '../../../core/csv/read-file';
import { encode } from '../csv/fixtures';
import { newContacts, notesOf, planVcf, readVcf, vcfFixture } from './vcard-support';

const person = (contacts: ReturnType<typeof newContacts>, lastName: string) => {
  const found = contacts.find((record) => record.kind === 'person' && record.fields.lastName === lastName);
  if (found?.kind !== 'person') throw new Error(`no new person ${lastName}`);
  return found;
};

describe('importing vCard files', () => {
  it('reads Apple Contacts (3.0): folded lines, grouped properties, a company card, the photo left out', async () => {
    const text = vcfFixture('apple-contacts.vcf');
    expect((await readVcf(text)).photosSkipped).toBe(1);
    const result = await planVcf(text);
    const contacts = newContacts(result);
    const mira = person(contacts, 'Sample');
    expect(mira.fields).toMatchObject({
      firstName: 'Mira', jobTitle: 'Head of Purchasing',
      emails: ['mira.sample@example.com', 'mira@example.org'], phones: ['+49 151 00000001', '+49 30 0000002'],
      addresses: ['Musterstraße 1, Berlin, 10115, Germany'], websites: ['https://www.example.com/mira'], tags: ['Suppliers', 'VIP'],
    });
    expect(mira.fields.customFields).toEqual([{ name: 'Department', value: 'Procurement' }, { name: 'Birthday', value: '1984-03-15' }]);
    expect(notesOf(result, mira.id)).toEqual(['Met at the trade fair in Hanover, where she ran the stand for the whole week.\nPrefers email.']);
    const company = contacts.find((record) => record.kind === 'organisation');
    expect(company).toMatchObject({ fields: { name: 'Example Widgets GmbH', emails: ['info@example.com'] } });
    expect(mira.fields.organisationId).toBe(company?.id);
  });

  it('reads Google Contacts (3.0): every email and phone, an escaped web address, several people', async () => {
    const result = await planVcf(vcfFixture('google-contacts.vcf'));
    const contacts = newContacts(result);
    expect(person(contacts, 'Placeholder').fields).toMatchObject({
      emails: ['tom.placeholder@example.com', 'tom@example.net'], phones: ['+44 7700 900000', '+44 20 7946 0018'],
      websites: ['http://www.example.co.uk'], jobTitle: 'Director', addresses: ['10 Example Street, London, SW1A 1AA, United Kingdom'],
      tags: ['Friends'],
    });
    expect(person(contacts, 'Beispiel').fields).toMatchObject({ emails: ['ines.beispiel@example.de'], phones: ['+49 89 0000000'] });
  });

  it('reads Outlook (2.1): bare parameters, quoted-printable notes and addresses over soft line breaks', async () => {
    const text = vcfFixture('outlook-contact.vcf');
    expect((await readVcf(text)).photosSkipped).toBe(1);
    const result = await planVcf(text);
    const jana = person(newContacts(result), 'Example');
    expect(jana.fields).toMatchObject({
      emails: ['jana.example@example.co.uk', 'jana@example.org', 'j.example@example.net'],
      phones: ['+44 161 496 0000', '+44 161 496 0999', '+44 7700 900123'],
      addresses: ['5 Example Road, Manchester, M1 1AA, United Kingdom', '7 Sample Lane, Flat 2, Salford, M5 4WT, United Kingdom'],
      websites: ['https://www.example.co.uk'], jobTitle: 'Fleet Manager',
    });
    expect(jana.fields.customFields).toContainEqual({ name: 'Department', value: 'Operations' });
    expect(notesOf(result, jana.id)).toEqual(['Renewal due in spring.\nAsk about the new depot – Salford.']);
  });

  it('reads vCard 4.0: tel: URIs, a KIND:org card, a birthday without a year', async () => {
    const contacts = newContacts(await planVcf(vcfFixture('contacts-4.0.vcf')));
    const lars = person(contacts, 'Muster');
    expect(lars.fields).toMatchObject({
      emails: ['lars.muster@example.se', 'lars@example.org'], phones: ['+46-70-000-00-00', '+46-8-000-000-00'],
      addresses: ['Exempelgatan 3, Stockholm, 111 22, Sweden'], jobTitle: 'CTO',
    });
    expect(lars.fields.customFields).toContainEqual({ name: 'Birthday', value: '--07-04' });
    expect(contacts.filter((record) => record.kind === 'organisation').map((record) => record.kind === 'organisation' && record.fields.name)).toEqual(['Muster AB']);
  });

  it('finds people Locket already has by email, as a CSV import does', async () => {
    const first = newContacts(await planVcf(vcfFixture('google-contacts.vcf')));
    const again = await planVcf(vcfFixture('google-contacts.vcf'), first);
    expect(again.total).toMatchObject({ new: 0, skipped: 2 });
  });

  it('reports a card it cannot read as that contact’s row, and reads the others', async () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Person\r\nN:Person;Ok;;;\r\nEMAIL:ok@example.com\r\nEND:VCARD\r\n'
      + 'BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL;=work:broken@example.com\r\nN:Broken;;;;\r\nEND:VCARD\r\n';
    const result = await planVcf(text);
    expect(newContacts(result).map((record) => record.kind === 'person' && record.fields.emails)).toEqual([['ok@example.com']]);
    expect(result.rows.find((row) => row.action === 'invalid')).toMatchObject({ rowNumber: 2, reasons: [{ type: 'unreadable-vcard' }] });
  });

  it('refuses a .vcf file without a vCard in it, in words', async () => {
    const read = await readImportFile('contacts.vcf', encode('Name,Email\r\nAda,ada@example.com\r\n'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(importFileRefusalText(read.error)).toBe('This .vcf file holds no contacts (no BEGIN:VCARD … END:VCARD).');
  });

  it('recognises a vCard file by its first line whatever its name', async () => {
    const read = await readImportFile('export.txt', encode(vcfFixture('google-contacts.vcf')));
    expect(read.ok && read.value.format).toBe('vcard');
    expect(IMPORT_PREVIEW_MESSAGES.photosSkipped(2)).toBe('2 photos were left out: Locket keeps no images.');
  });
});
