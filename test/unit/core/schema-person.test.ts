import { describe, expect, it } from 'vitest';
import type { PersonFields } from '../../../core/records/types';
import type { FieldTexts } from '../../../components/shared/messages/field-messages';
import { fieldErrors, fieldProblems, validFields } from './parse-result';

const valid = (input: unknown): PersonFields => validFields('person', input);
const invalid = (input: unknown): FieldTexts => fieldErrors('person', input);

describe('person fields', () => {
  it('fills every missing optional field with its empty value', () => {
    expect(valid({ firstName: 'Ada' })).toEqual({
      firstName: 'Ada', lastName: '', jobTitle: '', organisationId: null,
      emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [],
      consent: null, owner: '', cadenceDays: null,
    });
  });

  it('accepts a last name alone and trims names', () => {
    const fields = valid({ firstName: '  ', lastName: '  Lovelace ' });
    expect(fields.firstName).toBe('');
    expect(fields.lastName).toBe('Lovelace');
  });

  it('asks for a first or last name on the first-name field', () => {
    expect(invalid({ firstName: ' ', lastName: '' })).toEqual({ firstName: 'Enter a first or last name.' });
    expect(invalid({})).toEqual({ firstName: 'Enter a first or last name.' });
  });

  it('refuses absurdly long names with the limit in the message', () => {
    expect(invalid({ firstName: 'a'.repeat(201) }).firstName).toBe('Keep the first name to 200 characters or fewer.');
    expect(valid({ firstName: 'a'.repeat(200) }).firstName).toHaveLength(200);
    expect(invalid({ lastName: 'L', jobTitle: 'j'.repeat(201) }).jobTitle).toMatch(/job title.*200/);
  });

  it('names the malformed email address', () => {
    expect(invalid({ firstName: 'Bob', emails: ['bob@example.com', 'bob@'] }))
      .toEqual({ emails: '“bob@” is not a valid email address.' });
  });

  it('trims emails, drops blank rows and repeats that differ only in case', () => {
    expect(valid({ firstName: 'Bob', emails: [' bob@example.com ', '', 'BOB@example.com', 'b@x.org'] }).emails)
      .toEqual(['bob@example.com', 'b@x.org']);
  });

  it('accepts phone numbers as people write them, with an extension', () => {
    const phones = ['+44 (20) 7946-0958', '020.7946.0958', '+1 555 123 4567 ext. 89', '12345', '555-1234 x12'];
    expect(valid({ firstName: 'Bob', phones }).phones).toEqual(phones);
  });

  it.each([
    ['too few digits', '1234'],
    ['too many digits', '1'.repeat(21)],
    ['letters', '555-CALL-NOW'],
  ])('refuses a phone number with %s', (_case, phone) => {
    expect(invalid({ firstName: 'Bob', phones: [phone] }).phones).toContain(`“${phone}” is not a phone number`);
  });

  it('requires websites to start with http:// or https://', () => {
    expect(invalid({ firstName: 'Bob', websites: ['example.com'] }).websites)
      .toBe('“example.com” is not a full web address: start it with http:// or https://.');
    expect(invalid({ firstName: 'Bob', websites: ['ftp://example.com'] }).websites).toMatch(/http:\/\/ or https:\/\//);
    expect(valid({ firstName: 'Bob', websites: ['https://example.com/bob', 'http://localhost:8080'] }).websites)
      .toEqual(['https://example.com/bob', 'http://localhost:8080']);
  });

  it('trims tags, drops blanks and keeps the first spelling of case-insensitive repeats', () => {
    expect(valid({ firstName: 'Bob', tags: [' VIP ', 'vip', '', 'lead', 'Lead '] }).tags).toEqual(['VIP', 'lead']);
  });

  it('refuses a tag over 50 characters', () => {
    expect(invalid({ firstName: 'Bob', tags: ['x'.repeat(51)] }).tags).toMatch(/^Keep each tag to 50 characters or fewer/);
  });

  it('refuses more than 100 entries in a list', () => {
    const many = Array.from({ length: 101 }, (_, i) => `tag${i}`);
    expect(invalid({ firstName: 'Bob', tags: many }).tags).toBe('Keep to 100 tags or fewer.');
  });

  it('drops blank custom field rows and requires a name on the rest', () => {
    expect(valid({ firstName: 'Bob', customFields: [{ name: ' Shoe size ', value: ' 44 ' }, { name: '', value: ' ' }] }).customFields)
      .toEqual([{ name: 'Shoe size', value: '44' }]);
    expect(invalid({ firstName: 'Bob', customFields: [{ name: ' ', value: '44' }] }).customFields)
      .toBe('Give each custom field a name.');
  });

  it('keeps a complete consent record', () => {
    const consent = { basis: 'legitimate-interests', date: '2024-02-29', source: ' Trade fair ' };
    expect(valid({ firstName: 'Bob', consent }).consent)
      .toEqual({ basis: 'legitimate-interests', date: '2024-02-29', source: 'Trade fair' });
  });

  it('reads an untouched consent section as no consent recorded', () => {
    expect(valid({ firstName: 'Bob', consent: { basis: '', date: ' ', source: '' } }).consent).toBeNull();
  });

  it('refuses an unknown lawful basis and an impossible date', () => {
    expect(invalid({ firstName: 'Bob', consent: { basis: 'because', date: '2024-01-01', source: '' } }).consent)
      .toBe('Choose the lawful basis for keeping this person’s data.');
    expect(invalid({ firstName: 'Bob', consent: { basis: 'consent', date: '2023-02-29', source: '' } }).consent)
      .toBe('Enter the date the lawful basis was established as YYYY-MM-DD.');
    expect(invalid({ firstName: 'Bob', consent: { basis: 'consent', date: '1/2/2024', source: '' } }).consent)
      .toMatch(/YYYY-MM-DD/);
  });

  it('reads a blank organisation link as none, and drops unknown keys', () => {
    const fields = valid({ firstName: 'Bob', organisationId: '  ', password: 'x' });
    expect(fields.organisationId).toBeNull();
    expect(fields).not.toHaveProperty('password');
  });

  it('reports one message per field, each for its own field', () => {
    const errors = invalid({ firstName: 42, emails: ['nope', 'also nope'], phones: ['x'] });
    expect(Object.keys(errors).sort()).toEqual(['emails', 'firstName', 'phones']);
    expect(errors.emails).toBe('“nope” is not a valid email address.');
    expect(errors.firstName).toBe('Enter the first name as text.');
  });

  it('gives each problem as a code with the data its words need, never as words', () => {
    expect(fieldProblems('person', { firstName: 42, emails: ['nope'], tags: ['x'.repeat(51)] })).toEqual({
      firstName: { type: 'not-text', subject: 'first-name' },
      emails: { type: 'not-an-email', input: 'nope' },
      tags: { type: 'tag-too-long', max: 50, input: `${'x'.repeat(39)}…` },
    });
    expect(fieldProblems('person', {})).toEqual({ firstName: { type: 'name-missing', kind: 'person' } });
    expect(fieldProblems('person', 'not an object')).toEqual({ _form: { type: 'not-fields' } });
  });
});
