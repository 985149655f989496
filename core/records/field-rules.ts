/**
 * Plain predicates and normalisers behind the record schemas. They take already-trimmed
 * strings and never throw, so schemas and import previews can share them.
 */

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** A real calendar date written YYYY-MM-DD (so 2023-02-29 is refused). */
export const isCalendarDate = (value: string): boolean => {
  const match = ISO_DATE_SHAPE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

/** "ext 12", "x12", "#12" at the end; the digits of an extension do not count towards the 5–20. */
const PHONE_EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i;
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

export const isPhoneNumber = (value: string): boolean => {
  const main = value.replace(PHONE_EXTENSION, '');
  if (!PHONE_CHARACTERS.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
};

/** Absolute http(s) address with a host. Relative and other-scheme URLs are refused. */
export const isWebAddress = (value: string): boolean => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/**
 * What a user pastes into a domain field, reduced to the host:
 * "HTTPS://Example.co.uk/about?x" → "example.co.uk".
 */
export const normaliseDomain = (value: string): string =>
  value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/?#].*$/s, '').replace(/\.$/, '');

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const TOP_LABEL = '\\p{L}[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}]';
const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)+${TOP_LABEL}$`, 'u');

/** A lower-case hostname with at least two labels, e.g. example.co.uk or münchen.de. */
export const isDomain = (value: string): boolean => value.length <= 253 && HOSTNAME.test(value);

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A number typed into a form: "1200.50", "1,200.50", " 42 ". A blank string is "no value"
 * (null); anything else that is not a plain number is NaN, so the caller can say so.
 * "1,5" is NaN rather than a guess between 1.5 and 15.
 */
export const numberFromInput = (value: number | string): number | null => {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (PLAIN_NUMBER.test(trimmed)) return Number(trimmed);
  if (GROUPED_NUMBER.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return Number.NaN;
};

/**
 * Keeps the first spelling of each value, comparing case-insensitively. toLowerCase is
 * toLocaleLowerCase('en') (only Turkish, Azeri and Lithuanian lower case differently;
 * pinned by test/unit/core/field-rules-lower-case.test.ts) and many times faster: every
 * imported row's emails and tags come through here.
 */
export const uniqueIgnoringCase = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
