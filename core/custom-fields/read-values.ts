/**
 * How a record's free name/value pairs read once fields are defined (the migration from
 * free text): a pair whose name agrees with a definition (trimmed, case ignored, or a
 * former name) is that field's value, in canonical form. A value that does not fit the
 * type stays a plain pair with a warning; nothing is ever dropped. Reading rewrites
 * nothing: a record's pairs change only when it is saved.
 */
import type { CustomField } from '../records/types';
import { definitionNamed, type FieldDefinition } from './definitions';
import { canonicalValue, type CustomValueProblem } from './values';

export interface DefinedValue {
  readonly definition: FieldDefinition;
  /** Canonical; '' when the record has no value for it. */
  readonly value: string;
}

export interface Misfit {
  readonly definition: FieldDefinition;
  readonly pair: CustomField;
  readonly problem: CustomValueProblem;
}

export interface ReadCustomFields {
  /** One per definition, in the definitions' order. */
  readonly defined: readonly DefinedValue[];
  /** Pairs no definition claims, misfits included, in stored order. */
  readonly plain: readonly CustomField[];
  /** Pairs named after a definition whose value does not fit its type: kept as plain text. */
  readonly misfits: readonly Misfit[];
}

/** A stored value the owner once typed is read as it is: "required" applies when a form saves, not to what is stored. */
const asStored = (definition: FieldDefinition): FieldDefinition => ({ ...definition, required: false });

export const readCustomFields = (definitions: readonly FieldDefinition[], pairs: readonly CustomField[]): ReadCustomFields => {
  const values = new Map<string, string>();
  const plain: CustomField[] = [];
  const misfits: Misfit[] = [];
  for (const pair of pairs) {
    const definition = definitionNamed(definitions, pair.name);
    // A second pair for a field already filled stays beside it as plain text.
    if (!definition || values.has(definition.id)) { plain.push(pair); continue; }
    const canonical = canonicalValue(asStored(definition), pair.value);
    if (canonical.ok) { values.set(definition.id, canonical.value); continue; }
    plain.push(pair);
    misfits.push({ definition, pair, problem: canonical.error });
  }
  const defined = definitions.map((definition) => ({
    definition,
    value: values.get(definition.id) ?? (definition.type === 'checkbox' ? 'false' : ''),
  }));
  return { defined, plain, misfits };
};

/**
 * The pairs a record stores: defined fields that have a value first, under their current
 * names (a checkbox always has one), then the plain pairs as they were.
 */
export const storedCustomFields = (defined: readonly DefinedValue[], plain: readonly CustomField[]): CustomField[] => [
  ...defined.filter(({ value }) => value !== '').map(({ definition, value }) => ({ name: definition.name, value })),
  ...plain,
];

/** The value of the field with this name (or a former one) for filters and exports; '' when it has none. */
export const definedValue = (definitions: readonly FieldDefinition[], pairs: readonly CustomField[], name: string): string => {
  const read = readCustomFields(definitions, pairs);
  const definition = definitionNamed(definitions, name);
  return read.defined.find((entry) => entry.definition === definition)?.value ?? '';
};
