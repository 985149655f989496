/**
 * The record form's defined custom fields: the values each starts with, read from the
 * record's pairs (core/custom-fields/read-values.ts), and the pairs a save stores, each value
 * checked against its type first. Form values of defined fields live under `defined:<id>`;
 * the free "Name: value" text keeps only the pairs no definition claims (misfits included).
 */
import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { readCustomFields, storedCustomFields } from '../../core/custom-fields/read-values';
import { canonicalValue, type CustomValueProblem } from '../../core/custom-fields/values';
import type { CustomField } from '../../core/records/types';
import type { Result } from '../../core/result';
import { customFieldsText, type FormValues } from './form-spec';
import { isPair } from '../shared/custom-field-rows';

export const definedKey = (definition: FieldDefinition): string => `defined:${definition.id}`;


/** Defined fields' starting values, and the free text reduced to the pairs they do not claim. */
export const definedFormValues = (definitions: readonly FieldDefinition[], pairs: readonly CustomField[]): FormValues => {
  const read = readCustomFields(definitions, pairs);
  return {
    customFields: customFieldsText(read.plain),
    ...Object.fromEntries(read.defined.map(({ definition, value }) => [definedKey(definition), value])),
  };
};

/**
 * The schema's input with every defined value checked and in canonical form, stored under
 * the field's name before the free pairs; or each refusal under its field's form key.
 */
export const withDefinedFields = (
  definitions: readonly FieldDefinition[], values: FormValues, input: Record<string, unknown>,
): Result<Record<string, unknown>, Readonly<Record<string, CustomValueProblem>>> => {
  if (definitions.length === 0) return { ok: true, value: input };
  const problems: Record<string, CustomValueProblem> = {};
  const defined = definitions.map((definition) => {
    const checked = canonicalValue(definition, values[definedKey(definition)] ?? '');
    if (!checked.ok) problems[definedKey(definition)] = checked.error;
    return { definition, value: checked.ok ? checked.value : '' };
  });
  if (Object.keys(problems).length > 0) return { ok: false, error: problems };
  const plain = Array.isArray(input.customFields) ? input.customFields.filter(isPair) : [];
  return { ok: true, value: { ...input, customFields: storedCustomFields(defined, plain) } };
};
