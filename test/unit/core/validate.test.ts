import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { RECORD_KINDS, type FieldsByKind, isDependentKind } from '../../../core/records/types';
import { recordSchemas, caseSchema, noteSchema, opportunitySchema, organisationSchema, personSchema } from '../../../core/records/schema';
import { FORM_ERROR_KEY, emptyFields, parseFields } from '../../../core/records/validate';

describe('parseFields', () => {
  it('gives each schema the output type of its kind exactly', () => {
    expectTypeOf<v.InferOutput<typeof personSchema>>().toEqualTypeOf<FieldsByKind['person']>();
    expectTypeOf<v.InferOutput<typeof organisationSchema>>().toEqualTypeOf<FieldsByKind['organisation']>();
    expectTypeOf<v.InferOutput<typeof caseSchema>>().toEqualTypeOf<FieldsByKind['case']>();
    expectTypeOf<v.InferOutput<typeof opportunitySchema>>().toEqualTypeOf<FieldsByKind['opportunity']>();
    expectTypeOf<v.InferOutput<typeof noteSchema>>().toEqualTypeOf<FieldsByKind['note']>();
    expect(Object.keys(recordSchemas).sort()).toEqual([...RECORD_KINDS].sort());
  });

  it.each([null, 'Bob', 42, undefined])('refuses %j as a whole under the form key', (input) => {
    const result = parseFields('person', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error)).toEqual([FORM_ERROR_KEY]);
  });

  it('accepts its own output again unchanged, as a stored body is re-read', () => {
    const first = parseFields('person', { firstName: ' Ada ', emails: ['ada@example.com'], tags: ['x', 'X'] });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(parseFields('person', first.value)).toEqual(first);
  });
});

describe('emptyFields', () => {
  const defaults = { owner: 'Sam', currency: 'EUR' };

  it('starts every kind with the owner and nothing else filled in', () => {
    for (const kind of RECORD_KINDS) {
      const fields: Record<string, unknown> = { ...emptyFields(kind, defaults) };
      if (!isDependentKind(kind)) expect(fields.owner).toBe('Sam');
    }
    expect(emptyFields('person', defaults)).toMatchObject({ firstName: '', lastName: '', emails: [], consent: null });
    expect(emptyFields('task', defaults)).toMatchObject({ assignee: 'Sam', description: '', dueDate: null, doneAt: null });
  });

  it('starts an opportunity in the default currency, open, at the first milestone', () => {
    expect(emptyFields('opportunity', defaults)).toMatchObject({ currency: 'EUR', value: null, status: 'open', milestone: 'new', probability: 0 });
  });

  it('gives a form that fails only on what the user must still fill in', () => {
    const missing = (kind: (typeof RECORD_KINDS)[number]): string[] => {
      const result = parseFields(kind, emptyFields(kind, defaults));
      return result.ok ? [] : Object.keys(result.error).sort();
    };
    expect(missing('person')).toEqual(['firstName']);
    expect(missing('organisation')).toEqual(['name']);
    expect(missing('case')).toEqual(['name']);
    expect(missing('opportunity')).toEqual(['name']);
    expect(missing('note')).toEqual(['body', 'recordId']);
    expect(missing('task')).toEqual(['description']);
    expect(missing('activity')).toEqual(['recordId']);
  });
});
