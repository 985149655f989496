import { describe, expect, it } from 'vitest';
import type { FieldsByKind } from '../../../core/records/types';
import { parseFields } from '../../../core/records/validate';
import { parseChangedFields } from '../../../core/records/validate-changed';

const valid = <K extends 'person' | 'opportunity'>(kind: K, input: unknown): FieldsByKind[K] => {
  const parsed = parseFields(kind, input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

const ada = valid('person', { firstName: 'Ada', lastName: 'Lovelace', tags: ['Lead'], owner: 'me', emails: [] });
const deal = valid('opportunity', { name: 'Deal', value: null, currency: '', owner: 'me' });

describe('validating only the fields an edit changed', () => {
  it('gives what checking the whole record gives, for edits a bulk change makes', () => {
    const edits: [object, string[]][] = [
      [{ ...ada, tags: ['Lead', 'Customer', 'lead'] }, ['tags']],
      [{ ...ada, owner: '  someone  ' }, ['owner']],
      [{ ...ada, jobTitle: 'Engineer', organisationId: null }, ['jobTitle', 'organisationId']],
    ];
    for (const [next, changed] of edits) expect(parseChangedFields('person', ada, next, changed)).toEqual(parseFields('person', next));
  });

  it('refuses an edited field with the same problems as checking the whole record', () => {
    const next = { ...ada, tags: ['Lead', 'y'.repeat(51)] };
    const changed = parseChangedFields('person', ada, next, ['tags']);
    expect(changed.ok).toBe(false);
    expect(changed).toEqual(parseFields('person', next));
  });

  it('checks a rule across fields whole: a person left with no name, an amount with no currency', () => {
    const nameless = { ...ada, firstName: '', lastName: '' };
    expect(parseChangedFields('person', ada, nameless, ['firstName', 'lastName'])).toEqual(parseFields('person', nameless));
    expect(parseChangedFields('person', ada, nameless, ['firstName', 'lastName']).ok).toBe(false);
    const amount = { ...deal, value: 100 };
    expect(parseChangedFields('opportunity', deal, amount, ['value']).ok).toBe(false);
  });

  it('checks whole a name the kind does not have, or a field the edit dropped', () => {
    const extra = { ...ada, nickname: 'A' };
    expect(parseChangedFields('person', ada, extra, ['nickname'])).toEqual(parseFields('person', extra));
    const { tags: _dropped, ...without } = ada;
    expect(parseChangedFields('person', ada, without, [])).toEqual(parseFields('person', without));
  });
});
