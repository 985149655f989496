import { describe, expect, it } from 'vitest';
import { createRecordMaker, plan, plannedRecords, plannedRowAt, rowAt } from './fixtures';

const make = createRecordMaker();
const acme = make('organisation', { name: 'Acme Ltd', domain: 'acme.example', tags: ['supplier'] });
const ada = make('person', {
  firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst', emails: ['ada@acme.example'], tags: ['vip'],
  customFields: [{ name: 'Size', value: 'S' }], organisationId: acme.id,
});
const existing = [acme, ada];

const CAPSULE = [
  'Type,Title,First Name,Last Name,Organisation,Job Title,Email Address,Phone Number,Website,Address Street,City,Postcode,Country,Tags',
  'Person,Dr,Grace,Hopper,Navy Labs,Rear Admiral,grace@navy.example,+1 555 0100,www.navy.example,1 Harbour Rd,Arlington,22201,USA,"pioneer, cobol"',
  'Organisation,,,,Navy Labs,,,,https://navy.example,,,,,government',
  'Person,,Alan,Turing,Bletchley Park,,alan@bletchley.example,,,,,,,',
  'Person,,Bob,,,,bob@,,,,,,,',
  'Robot,,R2,D2,,,,,,,,,,',
  ',,,,,,nobody@example.com,,,,,,,',
].join('\r\n');

describe('planning a contacts import', () => {
  it('reads a Capsule export: names, joined address, full web address, comma-separated tags, honorific kept', () => {
    const result = plan({ contacts: CAPSULE });
    const grace = rowAt(result, 2);
    expect(grace.action).toBe('new');
    if (grace.action !== 'new' || grace.record.kind !== 'person') throw new Error('expected a new person');
    expect(grace.record.fields).toMatchObject({
      firstName: 'Grace', lastName: 'Hopper', jobTitle: 'Rear Admiral', emails: ['grace@navy.example'],
      phones: ['+1 555 0100'], websites: ['https://www.navy.example'], addresses: ['1 Harbour Rd, Arlington, 22201, USA'],
      tags: ['pioneer', 'cobol'], customFields: [{ name: 'Title', value: 'Dr' }], owner: 'Default Owner', consent: null,
    });
    const navy = rowAt(result, 3);
    if (navy.action !== 'new') throw new Error('expected a new organisation');
    expect(navy.record).toMatchObject({ kind: 'organisation', fields: { name: 'Navy Labs', tags: ['government'] } });
    expect(grace.record.fields.organisationId).toBe(navy.record.id);
  });

  it('creates an organisation a person names once, just before that person, and links the person', () => {
    const result = plan({ contacts: CAPSULE });
    const implied = result.rows.filter((row) => row.action === 'new' && row.implied);
    expect(implied).toHaveLength(1);
    const turing = plannedRowAt(result, 4);
    if (turing.action !== 'new' || turing.record.kind !== 'person' || implied[0]?.action !== 'new') throw new Error('expected new rows');
    expect(implied[0].rowNumber).toBe(4);
    expect(implied[0].record.fields).toMatchObject({ name: 'Bletchley Park' });
    expect(turing.record.fields.organisationId).toBe(implied[0].record.id);
    expect(result.rows.indexOf(implied[0])).toBeLessThan(result.rows.indexOf(turing));
  });

  it('reports invalid rows by spreadsheet row number, with the user’s own column name', () => {
    const result = plan({ contacts: CAPSULE });
    expect(rowAt(result, 5)).toMatchObject({ action: 'invalid', reasons: ['Email Address: “bob@” is not a valid email address.'] });
    expect(rowAt(result, 6)).toMatchObject({ action: 'invalid', reasons: ['Type: “robot” is not a type Locket knows: use person or organisation.'] });
    expect(rowAt(result, 7)).toMatchObject({ action: 'invalid', reasons: ['This row has no name: give a person a first or last name, or an organisation a name.'] });
    // Grace, Navy Labs, Turing, and Bletchley Park which Turing's row names.
    expect(result.counts.contacts).toEqual({ new: 4, updated: 0, skipped: 0, invalid: 3 });
  });

  it('skips a person whose email Locket already has, by default', () => {
    const result = plan({ contacts: 'First Name,Email\nAdeline,ADA@acme.example\n' }, { existing });
    expect(rowAt(result, 2)).toMatchObject({
      action: 'skip', id: ada.id, matchedBy: 'email', matchedRow: null, reason: 'Locket already has this person (same email).',
    });
  });

  it('updating from another tool’s file adds to lists and replaces values it gives, and clears nothing', () => {
    const result = plan(
      { contacts: 'First Name,Last Name,Job Title,Email,Tags,Size,Colour\nAda,,,ada@acme.example,"vip, speaker",M,Blue\n' },
      { existing, policy: 'update' },
    );
    const row = rowAt(result, 2);
    if (row.action !== 'update' || row.record.kind !== 'person') throw new Error('expected an update');
    expect(row.record.id).toBe(ada.id);
    expect(row.record.fields).toMatchObject({
      firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst', organisationId: acme.id, tags: ['vip', 'speaker'],
      customFields: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Blue' }],
    });
  });

  it('creates a new record for a duplicate when asked to', () => {
    const result = plan({ contacts: 'First Name,Email\nAda,ada@acme.example\n' }, { existing, policy: 'create' });
    const row = rowAt(result, 2);
    if (row.action !== 'new') throw new Error('expected a new record');
    expect(row.record.id).not.toBe(ada.id);
  });

  it('finds organisations by domain, then by name ignoring case and spacing', () => {
    const result = plan({ contacts: 'Type,Name,Domain\norganisation,Acme Holdings,https://ACME.example/about\norganisation,  acme   LTD ,\norganisation,Initech,\n' }, { existing });
    expect(rowAt(result, 2)).toMatchObject({ action: 'skip', id: acme.id, matchedBy: 'domain' });
    expect(rowAt(result, 3)).toMatchObject({ action: 'skip', id: acme.id, matchedBy: 'name' });
    expect(rowAt(result, 4)).toMatchObject({ action: 'new' });
  });

  it('links a person to an organisation Locket already has by name, creating none', () => {
    const result = plan({ contacts: 'First Name,Company\nBea,ACME Ltd\n' }, { existing });
    const bea = rowAt(result, 2);
    if (bea.action !== 'new' || bea.record.kind !== 'person') throw new Error('expected a new person');
    expect(bea.record.fields.organisationId).toBe(acme.id);
    expect(result.total.new).toBe(1);
  });

  it('treats a repeat within the file as a duplicate of the earlier row', () => {
    const result = plan({ contacts: 'First Name,Email\nCy,cy@example.com\nCyril,CY@example.com\n' });
    expect(rowAt(result, 3)).toMatchObject({ action: 'skip', matchedBy: 'email', matchedRow: 2, reason: 'Row 2 is the same person (same email).' });

    const updated = plan({ contacts: 'First Name,Email,Tags\nCy,cy@example.com,a\nCyril,CY@example.com,b\n' }, { policy: 'update' });
    const first = rowAt(updated, 2);
    const second = rowAt(updated, 3);
    if (first.action !== 'new' || second.action !== 'update') throw new Error('expected new then update');
    expect(second.record.id).toBe(first.record.id);
    expect(second.record.fields).toMatchObject({ firstName: 'Cyril', tags: ['a', 'b'] });
    expect(plannedRecords(updated).size).toBe(1);
  });

  it('creates no organisation for a person it skips', () => {
    const result = plan({ contacts: 'First Name,Email,Company\nAda,ada@acme.example,Brand New Co\n' }, { existing });
    expect(result.rows).toHaveLength(1);
    expect(rowAt(result, 2).action).toBe('skip');
  });

  it('turns a ragged row into an invalid row and plans the rest', () => {
    const result = plan({ contacts: 'First Name,Last Name,Email\nAda,King,a@example.com\nBob,b@example.com\n' });
    expect(rowAt(result, 2).action).toBe('new');
    expect(rowAt(result, 3)).toMatchObject({ action: 'invalid', reasons: [expect.stringMatching(/2 cells but the header has 3/)] });
  });

  it('splits a full name when there are no first and last name columns', () => {
    const result = plan({ contacts: 'Name,Email\nAda King Lovelace,ada@example.com\n"Hopper, Grace",g@example.com\n' });
    const names = [2, 3].map((n) => {
      const row = rowAt(result, n);
      return row.action === 'new' && row.record.kind === 'person' ? [row.record.fields.firstName, row.record.fields.lastName] : null;
    });
    expect(names).toEqual([['Ada King', 'Lovelace'], ['Grace', 'Hopper']]);
  });
});
