/**
 * The side panel's first row on screen, whoever drew it (the early paint of rows remembered
 * from before, or the live list): the mark the bench reads as "open to first row"
 * (test/bench/page-timing.ts). Tasks and the board have their own, drawn by either the same way.
 */
export const FIRST_ROW_MARK = 'locket:first-row';
export const TASKS_FIRST_ROW_MARK = 'locket:tasks-first-row';
export const BOARD_FIRST_PAINT_MARK = 'locket:board-first-paint';

/** Each view's first screen drawn from its live read: the early paint gives way to it. */
export const LIVE_SCREEN_MARKS = { people: 'locket:list-row', tasks: 'locket:tasks-live', board: 'locket:board-live' } as const;

/** Marks `name` unless something (the early paint) already did: the first entry is the one the bench reads. */
export const markOnce = (name: string): void => {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
};
