/**
 * How Locket writes values that are not plain text into one cell, and reads them back.
 * Lists hold one item per line; inside an item a backslash, CR or LF is escaped
 * (\\, \r, \n), so any item survives and the common case reads naturally in a
 * spreadsheet. A backslash before any other character stays as typed.
 */
import type { CustomField } from '../records/types';

const ESCAPED = { '\\': '\\', n: '\n', r: '\r', ':': ':' } as const;

const escapeText = (value: string, alsoColon: boolean): string =>
  value.replace(alsoColon ? /[\\\r\n:]/g : /[\\\r\n]/g, (char) =>
    (char === '\n' ? '\\n' : char === '\r' ? '\\r' : `\\${char}`));

const unescapeText = (value: string): string =>
  value.replace(/\\([\\nr:])/g, (_match, char: keyof typeof ESCAPED) => ESCAPED[char]);

const LINE_BREAK = /\r\n|\n|\r/;

export const joinLines = (items: readonly string[]): string => items.map((item) => escapeText(item, false)).join('\n');

export const splitLines = (cell: string): string[] =>
  (cell.trim() === '' ? [] : cell.split(LINE_BREAK).map(unescapeText));

/** The index of the first ':' not escaped by a backslash, or -1. */
const firstBareColon = (line: string): number => {
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '\\') index += 1;
    else if (line[index] === ':') return index;
  }
  return -1;
};

/** One "Name: value" per line; a ':' inside a name is escaped. */
export const joinCustomFields = (fields: readonly CustomField[]): string =>
  fields.map((field) => `${escapeText(field.name, true)}: ${escapeText(field.value, false)}`).join('\n');

export const splitCustomFields = (cell: string): CustomField[] =>
  cell.split(LINE_BREAK).filter((line) => line.trim() !== '').map((line) => {
    const colon = firstBareColon(line);
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1);
    return { name: unescapeText(name.trim()), value: unescapeText(value.trim()) };
  });

/** Milliseconds since the epoch as an ISO 8601 UTC time, or '' for none. */
export const timestampCell = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time back into milliseconds; null when blank or not ISO.
 * A time without a zone is read as UTC, so the result never depends on where it runs.
 */
export const readTimestamp = (cell: string): number | null => {
  const trimmed = cell.trim();
  const match = ISO_DATE_TIME.exec(trimmed);
  if (!match) return null;
  const hasTime = trimmed.length > 10;
  const ms = Date.parse(hasTime && !match[1] ? `${trimmed.replace(' ', 'T')}Z` : trimmed.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : null;
};

/**
 * A number as the opportunity schema expects it: JavaScript number syntax (which is what
 * Locket writes, exponent included) becomes a number; anything else goes to the schema as
 * typed, so "1,200.50" is accepted and "twelve" gets the schema's message.
 */
export const readNumber = (cell: string): number | string => {
  const trimmed = cell.trim();
  return /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : trimmed;
};
