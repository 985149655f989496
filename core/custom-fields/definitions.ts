/**
 * Custom field definitions: per kind, an ordered list of named, typed fields the owner
 * defines once (options → Fields). They are settings, so they are encrypted, travel with
 * backups, and stay out of every record. A record keeps its values in `customFields` as
 * name/value pairs; a pair whose name agrees with a definition is that field (values.ts).
 */
import * as v from 'valibot';
import { LIMITS } from '../records/field-schemas';

export const CUSTOM_FIELD_KINDS = ['person', 'organisation', 'case', 'opportunity'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'checkbox', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface FieldDefinition {
  /** Stable across renames; values are still found by name. */
  readonly id: string;
  readonly name: string;
  readonly type: CustomFieldType;
  /** The choices of a `choice` field, in the order offered; [] for other types. */
  readonly choices: readonly string[];
  readonly required: boolean;
  /** Names the field had before a rename: pairs stored under them are still this field. */
  readonly formerNames: readonly string[];
}

export type FieldDefinitions = { readonly [K in CustomFieldKind]: readonly FieldDefinition[] };

export const NO_DEFINITIONS: FieldDefinitions = { person: [], organisation: [], case: [], opportunity: [] };

/** At most this many defined fields per kind, as a record holds at most this many pairs. */
export const MAX_DEFINITIONS = LIMITS.listItems;

const trimmedName = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.name));

export const FieldDefinitionSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.id)),
  name: trimmedName,
  type: v.picklist(CUSTOM_FIELD_TYPES),
  choices: v.optional(v.array(trimmedName), []),
  required: v.optional(v.boolean(), false),
  formerNames: v.optional(v.array(trimmedName), []),
});

const kindList = v.optional(v.pipe(v.array(FieldDefinitionSchema), v.maxLength(MAX_DEFINITIONS)), []);

/** The stored shape; `check.ts` says, per definition, what a user must fix before it is saved. */
export const FieldDefinitionsSchema = v.object({
  person: kindList, organisation: kindList, case: kindList, opportunity: kindList,
});

/** Compares names as a person reads them: trimmed, case ignored. */
export const nameKey = (name: string): string => name.trim().toLocaleLowerCase('en');

export const isCustomFieldKind = (kind: string): kind is CustomFieldKind =>
  (CUSTOM_FIELD_KINDS as readonly string[]).includes(kind);

/** The definitions of one kind, in the owner's order; none for notes or when none are set. */
export const definitionsOf = (definitions: FieldDefinitions | undefined, kind: string): readonly FieldDefinition[] =>
  (definitions && isCustomFieldKind(kind) ? definitions[kind] : []);

/** What a filter needs to offer typed operators for a kind's defined fields. */
export interface DefinedFieldSummary {
  readonly name: string;
  readonly type: CustomFieldType;
  readonly choices: readonly string[];
}

export const definedFieldSummaries = (
  settings: { readonly fieldDefinitions?: FieldDefinitions }, kind: string,
): DefinedFieldSummary[] =>
  definitionsOf(settings.fieldDefinitions, kind).map(({ name, type, choices }) => ({ name, type, choices }));

/** The definition a stored pair's name belongs to: its current name first, then a former one. */
export const definitionNamed = (definitions: readonly FieldDefinition[], name: string): FieldDefinition | undefined => {
  const key = nameKey(name);
  return definitions.find((definition) => nameKey(definition.name) === key)
    ?? definitions.find((definition) => definition.formerNames.some((former) => nameKey(former) === key));
};
