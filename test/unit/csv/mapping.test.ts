import { describe, expect, it } from 'vitest';
import { LOCKET_COLUMNS } from '../../../core/csv/columns';
import { CSV_FILES } from '../../../core/csv/fields';
import { guessMapping } from '../../../core/csv/import';

const CAPSULE_HEADERS = [
  'Type', 'Title', 'First Name', 'Last Name', 'Organisation', 'Job Title', 'Email Address', 'Phone Number', 'Website',
  'Address Street', 'City', 'Postcode', 'Country', 'Tags', 'Twitter Handle',
];

describe('guessing the column mapping', () => {
  it.each(CSV_FILES.map((file) => [file]))('maps every column of Locket’s own %s file exactly', (file) => {
    const columns = LOCKET_COLUMNS[file];
    const mapping = guessMapping(file, columns.map((column) => column.header));
    expect(mapping.format).toBe('locket');
    expect(mapping.columns).toEqual(columns.map((column) => column.field));
  });

  it('maps Capsule’s contacts export, keeping the unknown column as a custom field', () => {
    const mapping = guessMapping('contacts', CAPSULE_HEADERS);
    expect(mapping.format).toBe('other');
    expect(mapping.columns).toEqual([
      'type', { customField: 'Title' }, 'firstName', 'lastName', 'organisationName', 'jobTitle', 'emails', 'phones', 'websites',
      'street', 'city', 'postcode', 'country', 'tags', { customField: 'Twitter Handle' },
    ]);
  });

  it.each([
    ['E-mail', 'emails'], ['Email Address', 'emails'], ['email', 'emails'], ['Work Email', 'emails'], ['Email 2', 'emails'],
    ['Phone', 'phones'], ['Mobile', 'phones'], ['Mobile Phone', 'phones'], ['Telephone', 'phones'],
    ['Company', 'organisationName'], ['Organization', 'organisationName'], ['Title', 'jobTitle'],
    ['Website', 'websites'], ['URL', 'websites'], ['Tags', 'tags'], ['Labels', 'tags'],
    ['Given name', 'firstName'], ['SURNAME', 'lastName'], ['Zip Code', 'postcode'], ['Lawful basis', 'consentBasis'],
  ])('reads “%s” as %s whatever its case or punctuation', (header, field) => {
    expect(guessMapping('contacts', [header]).columns).toEqual([field]);
  });

  it('lets several columns feed one list, but only one column feed a single value', () => {
    const mapping = guessMapping('contacts', ['Home Email', 'Work Email', 'Company', 'Employer']);
    expect(mapping.columns).toEqual(['emails', 'emails', 'organisationName', { customField: 'Employer' }]);
  });

  it('guesses cases and opportunities from common names and ignores the rest', () => {
    expect(guessMapping('opportunities', ['Deal Name', 'Amount', 'Stage', 'Close Date', 'Company', 'Pipeline']).columns)
      .toEqual(['name', 'value', 'milestone', 'expectedCloseDate', 'partyName', null]);
    expect(guessMapping('cases', ['Project', 'Details', 'Client']).columns).toEqual(['name', 'description', 'partyName']);
  });
});
