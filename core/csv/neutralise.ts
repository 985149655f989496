/**
 * Spreadsheet formula neutralisation (OWASP "CSV injection"). A cell a spreadsheet would
 * read as a formula is written with a leading apostrophe, which spreadsheets show as text.
 *
 * Round-trip rule: export prefixes "'" to every cell that starts with zero or more
 * apostrophes followed by = + - @ tab, CR or LF; import strips exactly one leading "'"
 * from every cell that starts with one or more apostrophes followed by one of those.
 * So restoreCell(neutraliseCell(x)) === x for every string x, including values that
 * themselves begin "'=" (they are written "''=" and read back "'="). Cells that never
 * looked like formulas are untouched both ways. Import applies the same rule to other
 * tools' files, whose leading apostrophe before a formula character is the same escape.
 */

/** The characters a spreadsheet treats as the start of a formula. */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\n'] as const;

const LOOKS_LIKE_FORMULA = /^'*[=+\-@\t\r\n]/;
const NEUTRALISED = /^'+[=+\-@\t\r\n]/;

export const neutraliseCell = (cell: string): string => (LOOKS_LIKE_FORMULA.test(cell) ? `'${cell}` : cell);

export const restoreCell = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);
