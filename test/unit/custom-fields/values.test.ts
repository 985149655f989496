import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../core/custom-fields/definitions';
import { canonicalValue } from '../../../core/custom-fields/values';

const defined = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition =>
  ({ id: `id-${type}`, name: type, type, choices: [], required: false, formerNames: [], ...extra });

describe('a defined field’s value', () => {
  it('keeps text trimmed', () => {
    expect(canonicalValue(defined('text'), '  Leeds  ')).toEqual({ ok: true, value: 'Leeds' });
  });

  it('stores a number as a plain decimal and refuses anything else', () => {
    expect(canonicalValue(defined('number'), ' 1,200.50 ')).toEqual({ ok: true, value: '1200.5' });
    expect(canonicalValue(defined('number'), '-0.25')).toEqual({ ok: true, value: '-0.25' });
    expect(canonicalValue(defined('number'), '1e21')).toEqual({ ok: false, error: { type: 'not-a-number' } });
    expect(canonicalValue(defined('number'), '12 apples')).toEqual({ ok: false, error: { type: 'not-a-number' } });
    expect(canonicalValue(defined('number'), '1,5')).toEqual({ ok: false, error: { type: 'not-a-number' } });
  });

  it('takes a real calendar date written YYYY-MM-DD only', () => {
    expect(canonicalValue(defined('date'), '2027-03-01')).toEqual({ ok: true, value: '2027-03-01' });
    expect(canonicalValue(defined('date'), '2027-02-29')).toEqual({ ok: false, error: { type: 'not-a-date' } });
    expect(canonicalValue(defined('date'), '1/3/2027')).toEqual({ ok: false, error: { type: 'not-a-date' } });
  });

  it('reads a checkbox as true or false, blank as unticked', () => {
    expect(canonicalValue(defined('checkbox'), 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(canonicalValue(defined('checkbox'), 'nein')).toEqual({ ok: true, value: 'false' });
    expect(canonicalValue(defined('checkbox'), '')).toEqual({ ok: true, value: 'false' });
    expect(canonicalValue(defined('checkbox'), 'maybe')).toEqual({ ok: false, error: { type: 'not-a-checkbox' } });
  });

  it('takes a choice in the definition’s own spelling', () => {
    const tier = defined('choice', { choices: ['Gold', 'Silver'] });
    expect(canonicalValue(tier, ' gold ')).toEqual({ ok: true, value: 'Gold' });
    expect(canonicalValue(tier, 'Bronze')).toEqual({ ok: false, error: { type: 'not-a-choice', choices: ['Gold', 'Silver'] } });
  });

  it('refuses a blank required field, and an unticked required checkbox', () => {
    expect(canonicalValue(defined('date', { required: true }), ' ')).toEqual({ ok: false, error: { type: 'required' } });
    expect(canonicalValue(defined('checkbox', { required: true }), 'false')).toEqual({ ok: false, error: { type: 'required' } });
    expect(canonicalValue(defined('text'), '')).toEqual({ ok: true, value: '' });
  });
});
