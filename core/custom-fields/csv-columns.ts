/**
 * Defined custom fields in CSV: each one its own column, headed by the field's name, after
 * Locket's own columns; the "Custom Fields" column then keeps only the pairs no definition
 * claims, so no value is written twice. Import maps such a column back by its name.
 */
import type { CustomField } from '../records/types';
import { definitionsOf, nameKey, type FieldDefinition, type FieldDefinitions } from './definitions';
import { readCustomFields } from './read-values';

/** The kinds whose records a CSV file holds. */
const KINDS_OF_FILE: Readonly<Record<string, readonly string[]>> = {
  contacts: ['person', 'organisation'], cases: ['case'], opportunities: ['opportunity'], notes: [],
};

/** The defined fields a file's columns show: its kinds' definitions, one column per name (people's first). */
export const definedColumnsOf = (definitions: FieldDefinitions | undefined, file: string): readonly FieldDefinition[] => {
  const seen = new Set<string>();
  return (KINDS_OF_FILE[file] ?? []).flatMap((kind) => definitionsOf(definitions, kind)).filter((definition) => {
    const key = nameKey(definition.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export interface DefinedCells {
  /** One cell per defined column, in order; '' where the record has no value or is of another kind. */
  readonly cells: readonly string[];
  /** The pairs left for the "Custom Fields" column. */
  readonly rest: readonly CustomField[];
}

export const definedCells = (
  definitions: FieldDefinitions | undefined, columns: readonly FieldDefinition[], kind: string, pairs: readonly CustomField[],
): DefinedCells => {
  const read = readCustomFields(definitionsOf(definitions, kind), pairs);
  const byName = new Map(read.defined.map(({ definition, value }) => [nameKey(definition.name), value]));
  return { cells: columns.map((column) => byName.get(nameKey(column.name)) ?? ''), rest: read.plain };
};
