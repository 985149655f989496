/**
 * Imported custom fields read against the owner's definitions: a value that fits its
 * defined field is stored in canonical form, so a file's "1,200" becomes "1200" and an
 * address book's birthday becomes a date. A value that does not fit is kept as it came
 * (the record then warns of it); nothing is dropped.
 */
import { isCalendarDate } from '../records/field-rules';
import type { CustomField } from '../records/types';
import { definitionNamed, definitionsOf, type FieldDefinition, type FieldDefinitions } from './definitions';
import { canonicalValue } from './values';

const pad = (part: string): string => part.padStart(2, '0');

/**
 * Dates as address books write them: ISO with a time ("1984-03-15T00:00:00Z"), Outlook's and
 * Google's month/day/year ("4/2/1979"), and day.month.year ("15.03.1984"). Others unchanged.
 */
export const importedDate = (raw: string): string => {
  const text = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(text);
  if (iso?.[1] && isCalendarDate(iso[1])) return iso[1];
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [month, day, year] = slashed ? [slashed[1], slashed[2], slashed[3]] : dotted ? [dotted[2], dotted[1], dotted[3]] : [];
  if (!month || !day || !year) return text;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? date : text;
};

const importedValue = (definition: FieldDefinition, value: string): string => {
  const checked = canonicalValue({ ...definition, required: false }, definition.type === 'date' ? importedDate(value) : value);
  return checked.ok ? checked.value : value;
};

/** The row's input with its defined custom fields canonical and under their defined names. */
export const withImportedCustomFields = (
  definitions: FieldDefinitions | undefined, kind: string, input: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> => {
  const defined = definitionsOf(definitions, kind);
  const pairs: unknown = input.customFields;
  if (defined.length === 0 || !Array.isArray(pairs)) return input;
  const customFields = pairs.map((pair: CustomField) => {
    const definition = typeof pair.name === 'string' && typeof pair.value === 'string' ? definitionNamed(defined, pair.name) : undefined;
    if (!definition) return pair;
    const value = importedValue(definition, pair.value);
    // A value that does not fit keeps the name it came under, so the record shows what it was.
    return value === pair.value && !canonicalValue({ ...definition, required: false }, value).ok ? pair : { name: definition.name, value };
  });
  return { ...input, customFields };
};
