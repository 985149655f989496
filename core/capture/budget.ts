/**
 * One allowance of DOM nodes for a whole capture. Every walk of the page (microdata items,
 * microformats, links) and every read of an element's text draws on the same allowance, so
 * no page can cost more than this however its parts are nested or combined: 4,000 nested
 * links used to walk each link's subtree again, sixteen million steps. Walks stop while a
 * tenth is left, so the items a walk found can still have their names read; once the whole
 * allowance is spent every reader stops and the capture keeps what it found.
 */
import { CAPTURE_LIMITS } from './types';

export interface ElementBudget {
  /** Spends one node of a walk over the page; false once only the reserve for reading text is left. */
  readonly walk: () => boolean;
  /** Spends one node while reading an element's text; false once nothing at all is left. */
  readonly read: () => boolean;
  /** Whether any walk or read was refused, so some of the page went unread. */
  readonly ranOut: () => boolean;
}

const RESERVE_FOR_TEXT = 0.1;

export const createElementBudget = (limit: number = CAPTURE_LIMITS.elements): ElementBudget => {
  let left = limit;
  let refused = false;
  const reserve = Math.floor(limit * RESERVE_FOR_TEXT);
  const spendDownTo = (floor: number): boolean => {
    if (left <= floor) {
      refused = true;
      return false;
    }
    left -= 1;
    return true;
  };
  return { walk: () => spendDownTo(reserve), read: () => spendDownTo(0), ranOut: () => refused };
};
