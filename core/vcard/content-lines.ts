/**
 * A .vcf file's text as the content lines a vCard 3.0/4.0 parser reads. Address books do
 * not all write that: Outlook writes vCard 2.1, whose parameters may stand bare
 * (`TEL;WORK;VOICE:`) and whose QUOTED-PRINTABLE values continue onto the next line after
 * a trailing `=` (a soft line break) instead of folding. Here every line is unfolded,
 * bare parameters become `TYPE=`, quoted-printable values are decoded, and photos are
 * taken out (Locket keeps no images) and counted, one vCard at a time.
 */

const QUOTED_PRINTABLE = /;\s*ENCODING=QUOTED-PRINTABLE/i;

/** Index of the first `:` outside double quotes: where a line's value starts. */
const valueStart = (line: string): number => {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return index;
  }
  return -1;
};

/** Physical lines into logical ones: folded lines (leading space or tab) and quoted-printable soft breaks joined. */
export const unfoldLines = (text: string): string[] => {
  const lines: string[] = [];
  for (const physical of text.split(/\r\n|\n|\r/)) {
    const last = lines.length - 1;
    const previous = lines[last];
    if (previous !== undefined && QUOTED_PRINTABLE.test(previous.slice(0, valueStart(previous))) && previous.endsWith('=')) {
      lines[last] = previous.slice(0, -1) + physical;
    } else if (previous !== undefined && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      lines[last] = previous + physical.slice(1);
    } else if (physical.trim() !== '') {
      lines.push(physical);
    }
  }
  return lines;
};

/** `=C3=A9` → the bytes they stand for, read in the line's charset (UTF-8 unless it says otherwise). */
const decodeQuotedPrintable = (value: string, charset: string): string => {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const hex = value[index] === '=' ? /^[0-9A-F]{2}/i.exec(value.slice(index + 1, index + 3)) : null;
    if (hex) { bytes.push(Number.parseInt(hex[0], 16)); index += 2; } else bytes.push(value.charCodeAt(index) & 0xff);
  }
  let decoder: TextDecoder;
  try { decoder = new TextDecoder(charset); } catch { decoder = new TextDecoder('utf-8'); }
  return decoder.decode(new Uint8Array(bytes));
};

const splitParameters = (head: string): string[] => {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) { parts.push(current); current = ''; } else current += char;
  }
  return [...parts, current];
};

export interface CardLines {
  /** The vCard's lines, BEGIN and END included, ready for a vCard 3.0/4.0 parser. */
  readonly lines: readonly string[];
  readonly photos: number;
}

/** One logical line made readable, or null for a photo (or a line with no value at all). */
const normaliseLine = (line: string): { readonly line: string | null; readonly photo: boolean } => {
  const colon = valueStart(line);
  if (colon === -1) return { line: null, photo: false };
  const [name = '', ...parameters] = splitParameters(line.slice(0, colon));
  if (/^(?:[\w-]+\.)?PHOTO$/i.test(name.trim())) return { line: null, photo: true };
  let value = line.slice(colon + 1);
  const encoding = parameters.find((parameter) => /^ENCODING=QUOTED-PRINTABLE$/i.test(parameter.trim()));
  const charset = parameters.find((parameter) => /^CHARSET=/i.test(parameter.trim()))?.trim().slice('CHARSET='.length) ?? 'utf-8';
  if (encoding) value = decodeQuotedPrintable(value, charset).replace(/\r\n|\n|\r/g, '\\n');
  const kept = parameters
    .map((parameter) => parameter.trim())
    .filter((parameter) => parameter !== '' && !/^(?:ENCODING|CHARSET)=/i.test(parameter))
    .map((parameter) => (parameter.includes('=') ? parameter : `TYPE=${parameter}`));
  return { line: [name, ...kept].join(';') + ':' + value, photo: false };
};

/** The file's vCards, each as its own lines; text outside BEGIN:VCARD … END:VCARD is left out. */
export const cardsOf = (text: string): CardLines[] => {
  const cards: CardLines[] = [];
  let current: { lines: string[]; photos: number } | null = null;
  for (const line of unfoldLines(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') { current = { lines: ['BEGIN:VCARD'], photos: 0 }; continue; }
    if (current === null) continue;
    if (upper === 'END:VCARD') { cards.push({ lines: [...current.lines, 'END:VCARD'], photos: current.photos }); current = null; continue; }
    const normalised = normaliseLine(line);
    if (normalised.photo) current.photos += 1;
    if (normalised.line !== null) current.lines.push(normalised.line);
  }
  return cards;
};
