/**
 * A defined field's value in its canonical stored form: text trimmed, a number as a plain
 * decimal ("1234.5"), a date as YYYY-MM-DD, a checkbox as "true" or "false", a choice as
 * the definition spells it. Problems are codes; their words live at the UI edge.
 */
import { LIMITS } from '../records/field-schemas';
import { isCalendarDate, numberFromInput } from '../records/field-rules';
import type { Result } from '../result';
import { nameKey, type FieldDefinition } from './definitions';

export type CustomValueProblem =
  | { readonly type: 'required' }
  | { readonly type: 'not-a-number' }
  | { readonly type: 'not-a-date' }
  | { readonly type: 'not-a-checkbox' }
  | { readonly type: 'not-a-choice'; readonly choices: readonly string[] }
  | { readonly type: 'too-long'; readonly max: number };

const CHECKED = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'wahr']);
const UNCHECKED = new Set(['false', 'no', 'n', '0', 'nein', 'falsch']);

/** Plain decimal without exponent or grouping, so it sorts and reads the same everywhere. */
const plainDecimal = (value: number): string =>
  value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * The canonical form of `raw` for `definition`, '' for "no value". A checkbox is never
 * without a value: blank reads as unticked. A required field refuses "no value" (and a
 * required checkbox must be ticked).
 */
export const canonicalValue = (definition: FieldDefinition, raw: string): Result<string, CustomValueProblem> => {
  const text = raw.trim();
  if (definition.type === 'checkbox') {
    const key = nameKey(text);
    const ticked = CHECKED.has(key) ? true : UNCHECKED.has(key) || key === '' ? false : null;
    if (ticked === null) return { ok: false, error: { type: 'not-a-checkbox' } };
    if (!ticked && definition.required) return { ok: false, error: { type: 'required' } };
    return { ok: true, value: String(ticked) };
  }
  if (text === '') return definition.required ? { ok: false, error: { type: 'required' } } : { ok: true, value: '' };
  switch (definition.type) {
    case 'number': {
      const number = numberFromInput(text);
      return number === null || !Number.isFinite(number)
        ? { ok: false, error: { type: 'not-a-number' } }
        : { ok: true, value: plainDecimal(number) };
    }
    case 'date':
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, error: { type: 'not-a-date' } };
    case 'choice': {
      const choice = definition.choices.find((option) => nameKey(option) === nameKey(text));
      return choice === undefined
        ? { ok: false, error: { type: 'not-a-choice', choices: definition.choices } }
        : { ok: true, value: choice };
    }
    default:
      return text.length > LIMITS.text ? { ok: false, error: { type: 'too-long', max: LIMITS.text } } : { ok: true, value: text };
  }
};
