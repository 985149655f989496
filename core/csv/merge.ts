/**
 * What an update writes: the record's current fields with the row's fields laid over.
 * A Locket file is Locket's complete view of a record, so its mapped cells replace the
 * current values (a blank cell clears). Another tool's file only adds: a value replaces
 * the current one, list items join the current list, a custom field replaces the one of
 * the same name; nothing is ever removed.
 */
import { uniqueIgnoringCase } from '../records/field-rules';
import type { CustomField } from '../records/types';
import type { CsvFormat } from './fields';

const LIST_KEYS: ReadonlySet<string> = new Set(['emails', 'phones', 'websites', 'addresses', 'tags']);

const isStringList = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isCustomFieldList = (value: unknown): value is readonly CustomField[] =>
  Array.isArray(value) && value.every((item) =>
    typeof item === 'object' && item !== null && typeof Reflect.get(item, 'name') === 'string'
    && typeof Reflect.get(item, 'value') === 'string');

const mergeCustomFields = (current: readonly CustomField[], incoming: readonly CustomField[]): CustomField[] => {
  const incomingByName = new Map(incoming.map((field) => [field.name.toLocaleLowerCase('en'), field]));
  const kept = current.map((field) => incomingByName.get(field.name.toLocaleLowerCase('en')) ?? field);
  const currentNames = new Set(current.map((field) => field.name.toLocaleLowerCase('en')));
  return [...kept, ...incoming.filter((field) => !currentNames.has(field.name.toLocaleLowerCase('en')))];
};

const addValue = (key: string, current: unknown, incoming: unknown): unknown => {
  if (LIST_KEYS.has(key) && isStringList(current) && isStringList(incoming)) return uniqueIgnoringCase([...current, ...incoming]);
  if (key === 'customFields' && isCustomFieldList(current) && isCustomFieldList(incoming)) return mergeCustomFields(current, incoming);
  return incoming;
};

export const mergeForUpdate = (
  current: object, incoming: Readonly<Record<string, unknown>>, format: CsvFormat,
): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    merged[key] = format === 'locket' ? value : addValue(key, merged[key], value);
  }
  return merged;
};
