/**
 * The side panel's first row on screen, whoever drew it (the rows remembered from before, or
 * the live list): the mark the bench reads as "open to first row" (test/bench/page-timing.ts).
 */
export const FIRST_ROW_MARK = 'locket:first-row';
