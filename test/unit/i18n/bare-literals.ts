/**
 * Finds words a user would read that are written into an element's code instead of coming
 * from a catalogue: text between tags and user-facing attribute values in html`` templates,
 * and prose in string literals ("Save", "Creating…", `New ${noun}`).
 */

/** Attributes whose value a user reads or hears. */
const READ_ATTRIBUTES = ['aria-label', 'aria-valuetext', 'aria-description', 'aria-placeholder', 'placeholder', 'title', 'alt', 'label'];

/** What may stay literal: the product's name, punctuation and symbols, and key names compared against events. */
export const ALLOWED_LITERALS: readonly string[] = ['Locket', 'XXXX-XXXX-XXXX-XXXX', 'Enter', 'Escape', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Tab', 'Space'];

const hasWords = (text: string): boolean => /[A-Za-zÄÖÜäöüß]{2,}/.test(text);

/** Prose: a capitalised word ("Save"), several words ("no records"), or an ellipsis ("Loading…"). */
const looksLikeProse = (text: string): boolean => {
  const trimmed = text.trim();
  if (!hasWords(trimmed) || ALLOWED_LITERALS.includes(trimmed)) return false;
  if (/^[a-z0-9-]+(\s*[:=].*)?$/.test(trimmed)) return false;
  // A CSS selector (querySelector, @query) is no prose.
  if (/^[.#[a-z][\w\s.#[\]="'-]*$/.test(trimmed) && !/^[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}/.test(trimmed) && /^[.#[]/.test(trimmed)) return false;
  return /^[A-Z][a-z]/.test(trimmed) || /[a-z]{2,}\s+[a-z]{2,}/i.test(trimmed) || trimmed.endsWith('…');
};

const stripComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');

interface Literal { readonly text: string; readonly html: boolean }

/** Splits source into its string literals and template static parts, telling html`` parts apart. */
const literalsOf = (source: string): Literal[] => {
  const found: Literal[] = [];
  let i = 0;
  const readTemplate = (isHtml: boolean): void => {
    let part = '';
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') { part += source.slice(i, i + 2); i += 2; continue; }
      if (char === '`') { i++; break; }
      if (char === '$' && source[i + 1] === '{') {
        found.push({ text: part, html: isHtml });
        part = '';
        i += 2;
        readCode('}');
        continue;
      }
      part += char;
      i++;
    }
    found.push({ text: part, html: isHtml });
  };
  const readQuoted = (quote: string): void => {
    let text = '';
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') { text += source.slice(i, i + 2); i += 2; continue; }
      text += source[i];
      i++;
    }
    i++;
    found.push({ text, html: false });
  };
  function readCode(until: string | null): void {
    let depth = 0;
    while (i < source.length) {
      const char = source[i] ?? '';
      if (until && char === '}' && depth === 0) { i++; return; }
      if (char === '{') depth++;
      if (char === '}') depth--;
      if (char === '`') {
        const isHtml = /\b(html|svg)\s*$/.test(source.slice(Math.max(0, i - 6), i));
        i++;
        readTemplate(isHtml);
        continue;
      }
      if (char === '\'' || char === '"') { i++; readQuoted(char); continue; }
      i++;
    }
  }
  readCode(null);
  return found;
};

/** Text nodes and read attribute values in one static part of an html`` template. */
const htmlWords = (part: string): string[] => {
  const words: string[] = [];
  // Text between tags: what follows a '>' up to the next '<' (or the part's end, before an expression).
  for (const match of part.matchAll(/>([^<>]*)(?=<|$)/g)) if (hasWords(match[1] ?? '')) words.push((match[1] ?? '').trim());
  // A part that starts inside text (after an expression) up to its first tag.
  const lead = /^([^<>]*)</.exec(part)?.[1] ?? '';
  if (!/=\s*["']?$/.test(lead) && hasWords(lead) && !/^\s*["']?\s*[\w-]+=/.test(lead)) words.push(lead.trim());
  for (const name of READ_ATTRIBUTES) {
    for (const match of part.matchAll(new RegExp(`\\s${name}="([^"$]*)"`, 'g'))) if (hasWords(match[1] ?? '')) words.push(match[1] ?? '');
  }
  return words.filter((word) => !ALLOWED_LITERALS.includes(word) && !/^[a-z-]+$/.test(word));
};

/** The literal words a user would read in this source file. */
export const bareLiterals = (source: string): string[] => {
  // Developer messages (console, thrown errors) are not shown to the owner.
  const code = stripComments(source.replace(/^import .*$/gm, '').replace(/console\.\w+\([^;]*\);/g, '').replace(/new Error\([^;]*\)/g, '')
    // Styles hold no words: an element's own css`` block may run over several lines.
    .replace(/^\s*static override styles\s*=[^\n`]*css`[^`]*`\s*\]?;/gm, '')
    .replace(/^\s*(static override styles|@customElement).*$/gm, ''));
  return literalsOf(code).flatMap(({ text, html }) => (html ? htmlWords(text) : looksLikeProse(text) ? [text.trim()] : []));
};
