/**
 * How text becomes search terms. Indexing and querying share one normalisation (lower
 * case, accents folded, so "Zoë" is found by "zoe") and agree on shapes:
 * - an email is indexed as the words of its local part and its domain ("example.com"),
 *   so "anna", "smith", "@example.com" and the whole address all find it;
 * - a host name ("www.acme.co.uk") is indexed with its shorter suffixes ("acme.co.uk");
 * - a phone number is also indexed as its bare digits under PHONE_MARK, so a number
 *   found however it is punctuated, while a short query such as "49" never has to walk
 *   every stored number;
 * - anything else is indexed whole ("o'brien", "event-2024") and by its word parts.
 * Terms a query would never reach (a full address, a top-level domain alone) are not
 * stored: every stored term costs memory and slows the prefix walk of every query.
 */

/** A term of a query: one of `alternatives` must match, where each alternative is all of its terms. */
export type QueryClause = readonly (readonly string[])[];

export const PHONE_MARK = '#';

const CHUNK_SEPARATORS = /[\s,;|()[\]{}<>"]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const EDGE_NOT_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const URL_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+).*$/u;
const PHONE_LIKE = /^[+\d\s().\-/]+$/u;
const NON_DIGITS = /\D+/gu;
/** Fewer digits than this is a number, not a phone number. */
const MIN_PHONE_DIGITS = 6;

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
export const indexTermsOf = (text: string, field: string): string[] => {
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

const clauseOf = (chunk: string): QueryClause[] => {
  const email = splitEmail(chunk);
  if (email) {
    const terms = wordsOf(email.local).map((word): QueryClause => [[word]]);
    return email.domain === '' ? terms : [...terms, [[email.domain]]];
  }
  // "anna.smith" may be a host or the start of an address: either reading may match.
  if (HOST.test(chunk)) return [[[chunk], wordsOf(chunk)]];
  return [[[chunk]]];
};

/** What a query asks for: every clause must match. Empty when there is nothing to look for. */
export const queryClausesOf = (query: string): QueryClause[] => {
  const normalised = normaliseText(query).trim();
  const chunks = chunksOf(normalised);
  const digits = phoneDigits(normalised);
  // "+44 20 7946" is either digit groups as saved, or the start of the number as digits.
  if (digits && chunks.length > 0) return [[chunks, [PHONE_MARK + digits]]];
  return chunks.flatMap(clauseOf);
};
