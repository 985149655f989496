/**
 * Turns whatever a page holds into plain, bounded text. Nothing here ever parses a value
 * as HTML: tag-shaped runs are removed with a regular expression, so `<script>` in a name
 * can only ever come out as inert characters.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
};
const ENTITY = /&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi;
/** Tags, closing tags, comments and doctypes; a lone "<" in text is left alone. */
const TAG = /<\/?[a-z!?][^<>]*>/gi;
/**
 * Control and format characters (zero-width spaces, bidirectional overrides that make a
 * name read backwards), except line breaks and the joiners some scripts need.
 */
const INVISIBLE = /(?![\t\n\r\u200C\u200D])[\p{Cc}\p{Cf}]/gu;
const SPACE_RUN = /\s+/g;
const HIGH_SURROGATE_AT_END = /[\uD800-\uDBFF]$/;

const decodeEntity = (match: string, body: string): string => {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
};

/** Cuts to at most `max` UTF-16 units without leaving half a surrogate pair behind. */
const cap = (value: string, max: number): string =>
  value.length <= max ? value : value.slice(0, max).replace(HIGH_SURROGATE_AT_END, '');

/**
 * Looks at no more than a bounded prefix, so a megabyte-long "name" costs no more than a
 * short one; the slack leaves room for markup that stripping removes.
 */
const prefix = (raw: string, max: number): string => raw.slice(0, max * 4 + 256);

const stripMarkup = (raw: string, max: number): string =>
  prefix(raw, max).replace(ENTITY, decodeEntity).replace(TAG, ' ').replace(INVISIBLE, '');

/** One line of plain text: markup removed, whitespace collapsed, trimmed, at most `max` long. */
export const cleanText = (raw: string, max: number): string =>
  cap(stripMarkup(raw, max).replace(SPACE_RUN, ' ').trim(), max).trim();

/** Like cleanText, but keeps line breaks (at most one blank line in a row). */
export const cleanMultiline = (raw: string, max: number): string => {
  const lines = stripMarkup(raw.replace(/\r\n?/g, '\n'), max)
    .split('\n')
    .map((line) => line.replace(SPACE_RUN, ' ').trim());
  return cap(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), max).trim();
};

/** The form of a name used to tell whether two captures are the same person. */
export const nameKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'ten', 'ter']);

/** Capitalised, or from a script without letter case. */
const startsLikeName = (word: string): boolean => {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || first === first.toUpperCase() || NAME_PARTICLES.has(word);
};

/**
 * Two to five capitalised words of letters: what link text or a selected line looks like
 * when it is a name ("Mara Quinn", "Ludwig van Beethoven"), and "Email us" does not.
 */
export const looksLikePersonName = (value: string): boolean => {
  if (value.length > 80) return false;
  const words = value.split(' ');
  return words.length >= 2 && words.length <= 5
    && words.every((word) => NAME_WORD.test(word) && startsLikeName(word))
    && !NAME_PARTICLES.has(words[0] ?? '');
};

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame|herr|frau|mme|mlle|m)\.?$/i;

/**
 * A best guess at first and last name from a full name, for a form the user still checks:
 * "Dr. Ada King, PhD" → Ada / King.
 */
export const splitName = (name: string): { readonly firstName: string; readonly lastName: string } => {
  const words = (name.split(',')[0] ?? '').split(' ').filter((word) => word !== '');
  while (words.length > 1 && HONORIFIC.test(words[0] ?? '')) words.shift();
  const [first = '', ...rest] = words;
  return { firstName: first, lastName: rest.join(' ') };
};
