/**
 * How text becomes search terms. Indexing and querying share one normalisation (lower
 * case, accents folded, so "Zoë" is found by "zoe") and agree on shapes:
 * - an email is indexed as the words of its local part and as its domain, so "anna",
 *   "@example.com", "anna.smith" and the whole address all find it;
 * - a host name ("www.acme.co.uk") is indexed with its shorter suffixes ("acme.co.uk");
 * - a phone number is also indexed as its bare digits behind PHONE_MARK, so it is found
 *   however it was punctuated, while a short query such as "49" never walks every number;
 * - anything else is indexed whole ("o'brien", "event-2024") and by its word parts.
 * Terms that are unique to one record and that a query can reach another way (a whole
 * address, its local part) are not stored: a prefix query walks every stored term that
 * starts with it, so 100,000 of them would make "a" slow.
 */

/** One clause of a query: a record matches it when it matches any of these terms. */
export type QueryClause = readonly string[];
/** One way to read a query: a record matches when it matches every clause. */
export type QueryReading = readonly QueryClause[];

export const PHONE_MARK = '#';

const CHUNK_SEPARATORS = /[\s,;|()[\]{}<>"]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const EDGE_NOT_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const URL_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+).*$/u;
const PHONE_LIKE = /^[+\d\s().\-/]+$/u;
const PHONE_PUNCTUATION = /[+().\-/]/u;
const NON_DIGITS = /\D+/gu;
/** Fewer digits than this is a number, not a phone number. */
const MIN_PHONE_DIGITS = 6;
/** Each reading is a search of its own; a query with more ambiguous chunks reads the rest one way. */
const MAX_READINGS = 4;

export const normaliseText = (text: string): string =>
  text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();

const chunksOf = (normalised: string): string[] =>
  normalised
    .split(CHUNK_SEPARATORS)
    .map((chunk) => chunk.replace(URL_PREFIX, '$1').replace(EDGE_NOT_WORD, ''))
    .filter((chunk) => chunk !== '');

const wordsOf = (text: string): string[] => text.split(NOT_WORD).filter((word) => word !== '');

/** "mail.acme.co.uk" → itself, "acme.co.uk", "co.uk": each suffix of two labels or more. */
const hostSuffixes = (host: string): string[] => {
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, start) => labels.slice(start).join('.'));
};

const splitEmail = (chunk: string): { readonly local: string; readonly domain: string } | null => {
  const at = chunk.indexOf('@');
  return at < 0 ? null : { local: chunk.slice(0, at), domain: chunk.slice(at + 1).replace(EDGE_NOT_WORD, '') };
};

const phoneDigits = (text: string): string | null => {
  const digits = text.replace(NON_DIGITS, '');
  return PHONE_LIKE.test(text) && digits.length >= MIN_PHONE_DIGITS ? digits : null;
};

const addChunkTerms = (chunk: string, terms: Set<string>): void => {
  const email = splitEmail(chunk);
  if (email) {
    for (const word of wordsOf(email.local)) terms.add(word);
    if (HOST.test(email.domain)) for (const suffix of hostSuffixes(email.domain)) terms.add(suffix);
    else for (const word of wordsOf(email.domain)) terms.add(word);
    return;
  }
  if (HOST.test(chunk)) {
    for (const suffix of hostSuffixes(chunk)) terms.add(suffix);
    return;
  }
  terms.add(chunk);
  const words = wordsOf(chunk);
  if (words.length > 1) for (const word of words) terms.add(word);
};

/** Terms stored for one field's text. Unique, so a repeated word does not skew scoring. */
export const indexTermsOf = (text: string, field?: string): string[] => {
  const terms = new Set<string>();
  const normalised = normaliseText(text);
  for (const chunk of chunksOf(normalised)) addChunkTerms(chunk, terms);
  if (field === 'phones') {
    // One number per line (see searchTextOf).
    for (const line of normalised.split('\n')) {
      const digits = phoneDigits(line.trim());
      if (digits) terms.add(PHONE_MARK + digits);
    }
  }
  return [...terms];
};

const wordClauses = (text: string): QueryClause[] => wordsOf(text).map((word) => [word]);

/** The ways one chunk of a query can be read; the first is the likeliest. */
const chunkReadings = (chunk: string): QueryClause[][] => {
  const email = splitEmail(chunk);
  if (email) return [[...wordClauses(email.local), ...(email.domain === '' ? [] : [[email.domain]])]];
  // "acme.co.uk" is a host; "anna.smith" is the start of an address, matched by its words.
  if (HOST.test(chunk)) return [[[chunk]], wordClauses(chunk)];
  return [[[chunk]]];
};

/** The ways to read a query; empty when there is nothing to look for. */
export const queryReadingsOf = (query: string): QueryReading[] => {
  const normalised = normaliseText(query).trim();
  const chunks = chunksOf(normalised);
  if (chunks.length === 0) return [];
  const digits = phoneDigits(normalised);
  // "+44 20 7946" or "020-7946-0958" is the start of a number, however it was saved;
  // "020 7946" stays two terms, the groups as they were saved.
  if (digits && PHONE_PUNCTUATION.test(normalised)) return [[[PHONE_MARK + digits]]];
  if (digits && chunks.length === 1) return [[[digits, PHONE_MARK + digits]]];
  let readings: QueryClause[][] = [[]];
  for (const chunk of chunks) {
    const options = chunkReadings(chunk);
    const usable = readings.length * options.length <= MAX_READINGS ? options : options.slice(0, 1);
    readings = readings.flatMap((reading) => usable.map((option) => [...reading, ...option]));
  }
  return readings;
};
