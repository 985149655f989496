/**
 * Validating an edit of fields that are already valid: only the fields it changed. A bulk change
 * over thousands of records otherwise validated every field of every record a second time.
 */
import * as v from 'valibot';
import { recordSchemas } from './schema';
import type { FieldsByKind, RecordKind } from './types';
import { parseFields } from './validate';
import type { FieldErrors } from './field-problems';
import type { Result } from '../result';

interface KindRules {
  /** Each field's own schema. */
  readonly entries: Readonly<Record<string, v.GenericSchema>>;
  /** Fields a rule across fields reads (a person's name, an opportunity's value and currency). */
  readonly crossField: ReadonlySet<string>;
}

type PipeItem = { readonly kind: string; readonly type: string; readonly entries?: Record<string, v.GenericSchema>; readonly paths?: readonly (readonly PropertyKey[])[] };

/**
 * Read from each kind's schema itself, so a rule added there is never missed: a schema whose
 * pipe holds anything but its object, rules across named fields and `readonly` gets no rules
 * here, and every edit of it is validated whole.
 */
const rulesOf = (schema: unknown): KindRules | null => {
  const pipe = (schema as { readonly pipe?: readonly PipeItem[] }).pipe;
  const object = pipe?.[0];
  if (!pipe || object?.type !== 'object' || !object.entries) return null;
  const crossField = new Set<string>();
  for (const item of pipe.slice(1)) {
    if (item.type === 'readonly') continue;
    if (item.type !== 'partial_check' || !item.paths) return null;
    for (const path of item.paths) crossField.add(String(path[0]));
  }
  return { entries: object.entries, crossField };
};

const RULES = new Map(Object.entries(recordSchemas).map(([kind, schema]) => [kind, rulesOf(schema)]));

/**
 * `next` is `valid` (fields as parseFields gave them) with the fields named in `changed` edited.
 * Gives what parseFields(kind, next) would, checking only the changed fields. That holds because
 * each field's schema gives the same value again for its own output, and a rule across fields
 * sends the edit to the whole check. A name the kind does not have, or a field `next` lacks, is also
 * checked whole (which drops the one, and gives the other its default).
 */
export const parseChangedFields = <K extends RecordKind>(
  kind: K, valid: FieldsByKind[K], next: object, changed: readonly string[],
): Result<FieldsByKind[K], FieldErrors> => {
  const rules = RULES.get(kind);
  const dropsAField = Object.keys(valid).some((name) => !Object.hasOwn(next, name));
  if (!rules || dropsAField || changed.some((name) => rules.crossField.has(name) || !Object.hasOwn(rules.entries, name))) {
    return parseFields(kind, next);
  }
  const edited: Record<string, unknown> = {};
  for (const name of changed) {
    const schema = rules.entries[name];
    const parsed = schema ? v.safeParse(schema, (next as Record<string, unknown>)[name]) : null;
    // Refused: the whole check, so the problems are worded exactly as parseFields words them.
    if (!parsed?.success) return parseFields(kind, next);
    edited[name] = parsed.output;
  }
  return { ok: true, value: { ...valid, ...edited } };
};
