/**
 * Spreadsheet formula neutralisation (OWASP "CSV injection"). A cell a spreadsheet would
 * read as a formula is written with a leading apostrophe, which spreadsheets show as text.
 *
 * A cell "looks like a formula" when its first character that is not an apostrophe, white
 * space (spaces, non-breaking and ideographic spaces, the byte-order mark) or invisible (zero-width,
 * joiners, direction marks, other control and format characters) is = + - @ tab, CR or LF
 * once NFKC-normalised, so full-width and small look-alikes (＝ ＋ － ＠ ﹦ …) count too:
 * some spreadsheets trim or normalise before they decide.
 *
 * Round-trip rule: export prefixes "'" to every cell that looks like a formula; import
 * strips exactly one leading "'" from every cell that starts with "'" and looks like a
 * formula. Because the apostrophe is itself skipped when looking, "'" + x looks like a
 * formula exactly when x does, so restoreCell(neutraliseCell(x)) === x for every string x,
 * including values that themselves begin "'=" (written "''=", read back "'="). Cells that
 * never looked like formulas are untouched both ways. Import applies the same rule to other
 * tools' files, whose leading apostrophe before a formula character is the same escape.
 */

/** The characters a spreadsheet treats as the start of a formula. */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\n'] as const;

const FORMULA_START = /^[=+\-@\t\r\n]/;
/** Apostrophes, white space, control and format (invisible) characters: skipped when looking for the first one that counts. */
const SKIPPED = /^['\s\p{Cc}\p{Cf}]+$/u;
/** Printable ASCII that can neither start a formula nor be skipped: the common case, decided without normalising. */
const PLAIN_ASCII_START = /^(?!['=+\-@])[!-~]/;

const looksLikeFormula = (cell: string): boolean => {
  if (PLAIN_ASCII_START.test(cell)) return false;
  for (const char of cell) {
    const normalised = char.normalize('NFKC');
    if (FORMULA_START.test(normalised)) return true;
    if (!SKIPPED.test(normalised)) return false;
  }
  return false;
};

export const neutraliseCell = (cell: string): string => (looksLikeFormula(cell) ? `'${cell}` : cell);

export const restoreCell = (cell: string): string => (cell.startsWith("'") && looksLikeFormula(cell) ? cell.slice(1) : cell);
