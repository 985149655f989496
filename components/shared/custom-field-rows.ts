import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { readCustomFields } from '../../core/custom-fields/read-values';
import type { CustomField } from '../../core/records/types';
import { CUSTOM_FIELD_WORDS, valueProblemText } from './messages/custom-field-words';

export const isPair = (value: unknown): value is CustomField =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'name') === 'string' && typeof Reflect.get(value, 'value') === 'string';

/** The pairs a record's fields hold; none for a kind without custom fields. */
export const pairsOf = (fields: object): readonly CustomField[] => {
  const pairs: unknown = Reflect.get(fields, 'customFields');
  return Array.isArray(pairs) ? pairs.filter(isPair) : [];
};

export interface CustomFieldRows {
  /** Label and text: defined fields with a value in the owner's order, then the free pairs. */
  readonly rows: ReadonlyArray<readonly [string, string]>;
  /** Stored values under a defined field's name that do not fit its type, in words. */
  readonly warnings: readonly string[];
}

/** A record's custom fields as a reader sees them, read against the owner's definitions. */
export const customFieldRows = (definitions: readonly FieldDefinition[], pairs: readonly CustomField[]): CustomFieldRows => {
  const read = readCustomFields(definitions, pairs);
  const shown = (definition: FieldDefinition, value: string): string =>
    (definition.type === 'checkbox' ? (value === 'true' ? CUSTOM_FIELD_WORDS.yes : CUSTOM_FIELD_WORDS.no) : value);
  return {
    rows: [
      ...read.defined.filter(({ value }) => value !== '').map(({ definition, value }) => [definition.name, shown(definition, value)] as const),
      ...read.plain.filter((pair) => pair.value.trim() !== '').map((pair) => [pair.name, pair.value] as const),
    ],
    warnings: read.misfits.map(({ definition, pair, problem }) =>
      CUSTOM_FIELD_WORDS.misfit(definition.name, pair.value, valueProblemText(problem))),
  };
};
