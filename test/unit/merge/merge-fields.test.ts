import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../core/records/validate';
import { defaultSide, mergeFields } from '../../../core/merge/merge-fields';
import type { PersonFields } from '../../../core/records/types';

const DEFAULTS = { currency: 'EUR', owner: '' };
const personFields = (extra: Partial<PersonFields>): PersonFields => ({ ...emptyFields('person', DEFAULTS), ...extra });

describe('merge field resolution', () => {
  const survivor = personFields({
    firstName: 'Anna', lastName: 'Schmidt', jobTitle: '', emails: ['anna@example.com'], phones: ['+49 30 1234'],
    tags: ['Customer'], customFields: [{ name: 'Shoe size', value: '38' }],
  });
  const other = personFields({
    firstName: 'Anna', lastName: 'Schmitt', jobTitle: 'Buyer', emails: ['ANNA@example.com', 'a.schmidt@work.example'],
    phones: ['+49301234', '+49 89 5555'], tags: ['Customer', 'Leeds'], customFields: [{ name: 'shoe size', value: '38' }, { name: 'Pet', value: 'Cat' }],
  });

  it('keeps the chosen side of each single field, and by default the survivor unless its value is empty', () => {
    const merged = mergeFields('person', survivor, other, { lastName: 'other' });
    expect(merged['lastName']).toBe('Schmitt');
    expect(merged['firstName']).toBe('Anna');
    // The survivor had no job title: the other's fills it without a choice.
    expect(merged['jobTitle']).toBe('Buyer');
    expect(mergeFields('person', survivor, other, { jobTitle: 'survivor' })['jobTitle']).toBe('');
  });

  it('unites list fields, survivor first, each value once (emails by case, phones by digits, custom fields by name and value)', () => {
    const merged = mergeFields('person', survivor, other, {});
    expect(merged['emails']).toEqual(['anna@example.com', 'a.schmidt@work.example']);
    expect(merged['phones']).toEqual(['+49 30 1234', '+49 89 5555']);
    expect(merged['tags']).toEqual(['Customer', 'Leeds']);
    expect(merged['customFields']).toEqual([{ name: 'Shoe size', value: '38' }, { name: 'Pet', value: 'Cat' }]);
  });

  it('takes the other side only when the survivor is empty and the other is not', () => {
    expect(defaultSide('', 'x')).toBe('other');
    expect(defaultSide(null, { basis: 'consent' })).toBe('other');
    expect(defaultSide('a', 'b')).toBe('survivor');
    expect(defaultSide('', '')).toBe('survivor');
  });
});
