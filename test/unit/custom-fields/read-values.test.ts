import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../core/custom-fields/definitions';
import { definedValue, readCustomFields, storedCustomFields } from '../../../core/custom-fields/read-values';
import { renameDefinition } from '../../../core/custom-fields/edit';

const renewal: FieldDefinition = { id: 'r', name: 'Renewal', type: 'date', choices: [], required: true, formerNames: [] };
const seats: FieldDefinition = { id: 's', name: 'Seats', type: 'number', choices: [], required: false, formerNames: [] };
const vip: FieldDefinition = { id: 'v', name: 'VIP', type: 'checkbox', choices: [], required: false, formerNames: [] };

describe('free name/value pairs read against definitions (the migration)', () => {
  it('claims pairs whose name agrees, trimmed and ignoring case, in canonical form', () => {
    const read = readCustomFields([renewal, seats, vip], [
      { name: ' renewal ', value: '2027-03-01' }, { name: 'SEATS', value: '1,200' }, { name: 'Shoe size', value: '42' },
    ]);
    expect(read.defined.map(({ definition, value }) => [definition.name, value]))
      .toEqual([['Renewal', '2027-03-01'], ['Seats', '1200'], ['VIP', 'false']]);
    expect(read.plain).toEqual([{ name: 'Shoe size', value: '42' }]);
    expect(read.misfits).toEqual([]);
  });

  it('keeps a value that does not fit the type as plain text with a warning, never dropping it', () => {
    const read = readCustomFields([renewal, seats], [{ name: 'Renewal', value: 'next spring' }, { name: 'Seats', value: 'many' }]);
    expect(read.defined.map(({ value }) => value)).toEqual(['', '']);
    expect(read.plain).toEqual([{ name: 'Renewal', value: 'next spring' }, { name: 'Seats', value: 'many' }]);
    expect(read.misfits.map(({ definition, problem }) => [definition.name, problem.type]))
      .toEqual([['Renewal', 'not-a-date'], ['Seats', 'not-a-number']]);
    // Saved again, every pair is still there.
    expect(storedCustomFields(read.defined, read.plain)).toEqual([{ name: 'Renewal', value: 'next spring' }, { name: 'Seats', value: 'many' }]);
  });

  it('reads a stored blank as "no value" even for a required field: required applies when a form saves', () => {
    expect(readCustomFields([renewal], [{ name: 'Renewal', value: '' }]).misfits).toEqual([]);
  });

  it('leaves a second pair for an already filled field beside it as plain text', () => {
    const read = readCustomFields([seats], [{ name: 'Seats', value: '3' }, { name: 'seats', value: '4' }]);
    expect(read.defined[0]?.value).toBe('3');
    expect(read.plain).toEqual([{ name: 'seats', value: '4' }]);
  });

  it('still finds pairs stored under a field’s former name after a rename, and stores them under the new one', () => {
    const renamed = renameDefinition([seats], 's', 'Licences');
    if (!renamed.ok) throw new Error('rename refused');
    const read = readCustomFields(renamed.value, [{ name: 'Seats', value: '12' }]);
    expect(read.defined.map(({ definition, value }) => [definition.name, value])).toEqual([['Licences', '12']]);
    expect(storedCustomFields(read.defined, read.plain)).toEqual([{ name: 'Licences', value: '12' }]);
    expect(definedValue(renamed.value, [{ name: 'Seats', value: '12' }], 'licences')).toBe('12');
  });

  it('leaves every pair plain once its definition is gone', () => {
    const pairs = [{ name: 'Renewal', value: '2027-03-01' }];
    expect(readCustomFields([], pairs)).toEqual({ defined: [], plain: pairs, misfits: [] });
  });
});
