/**
 * Changes to one kind's definitions, as the Fields section makes them. Each returns the
 * new list or a coded problem; nothing here touches records: a renamed field keeps its old
 * name among formerNames so stored pairs still read as it, and a deleted one leaves its
 * pairs as plain custom fields.
 */
import type { Result } from '../result';
import { LOCKET_COLUMNS } from '../csv/columns';
import { LIMITS } from '../records/field-schemas';
import { MAX_DEFINITIONS, nameKey, type CustomFieldType, type FieldDefinition } from './definitions';

export type DefinitionProblem =
  | { readonly type: 'name-missing' }
  | { readonly type: 'name-too-long'; readonly max: number }
  | { readonly type: 'name-taken'; readonly name: string }
  /** A CSV export writes each defined field as a column: a built-in column's header would be read back as that column. */
  | { readonly type: 'name-reserved'; readonly name: string }
  | { readonly type: 'choices-missing' }
  | { readonly type: 'too-many'; readonly max: number };

export interface DefinitionDraft {
  readonly name: string;
  readonly type: CustomFieldType;
  /** One per line or comma-separated, as typed; only read for `choice`. */
  readonly choices: string;
  readonly required: boolean;
}

const RESERVED = new Set(
  Object.values(LOCKET_COLUMNS).flatMap((columns) => columns.map((column) => nameKey(column.header)))
    .concat([nameKey('Custom Fields')]),
);

const choicesOf = (text: string): string[] => {
  const seen = new Set<string>();
  return text.split(/[\n,]/).map((choice) => choice.trim()).filter((choice) => {
    if (choice === '' || seen.has(nameKey(choice))) return false;
    seen.add(nameKey(choice));
    return true;
  });
};

const checkName = (list: readonly FieldDefinition[], name: string, self: string | null): DefinitionProblem | null => {
  if (name === '') return { type: 'name-missing' };
  if (name.length > LIMITS.name) return { type: 'name-too-long', max: LIMITS.name };
  if (RESERVED.has(nameKey(name))) return { type: 'name-reserved', name };
  if (list.some((other) => other.id !== self && nameKey(other.name) === nameKey(name))) return { type: 'name-taken', name };
  return null;
};

export const addDefinition = (
  list: readonly FieldDefinition[], draft: DefinitionDraft, id: string,
): Result<FieldDefinition[], DefinitionProblem> => {
  if (list.length >= MAX_DEFINITIONS) return { ok: false, error: { type: 'too-many', max: MAX_DEFINITIONS } };
  const name = draft.name.trim();
  const problem = checkName(list, name, null);
  if (problem) return { ok: false, error: problem };
  const choices = draft.type === 'choice' ? choicesOf(draft.choices) : [];
  if (draft.type === 'choice' && choices.length === 0) return { ok: false, error: { type: 'choices-missing' } };
  return { ok: true, value: [...list, { id, name, type: draft.type, choices, required: draft.required, formerNames: [] }] };
};

export const renameDefinition = (
  list: readonly FieldDefinition[], id: string, newName: string,
): Result<FieldDefinition[], DefinitionProblem> => {
  const name = newName.trim();
  const problem = checkName(list, name, id);
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    value: list.map((definition) => {
      if (definition.id !== id || definition.name === name) return definition;
      const formerNames = [...definition.formerNames, definition.name].filter((former) => nameKey(former) !== nameKey(name));
      return { ...definition, name, formerNames };
    }),
  };
};

/** Moves a definition one place up (-1) or down (+1); at either end nothing moves. */
export const moveDefinition = (list: readonly FieldDefinition[], id: string, step: -1 | 1): FieldDefinition[] => {
  const from = list.findIndex((definition) => definition.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const moved = [...list];
  const [taken] = moved.splice(from, 1);
  if (taken) moved.splice(to, 0, taken);
  return moved;
};

export const removeDefinition = (list: readonly FieldDefinition[], id: string): FieldDefinition[] =>
  list.filter((definition) => definition.id !== id);
