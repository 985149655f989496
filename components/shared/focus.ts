/**
 * Whether the keyboard's place was lost: the focused control was removed with the view it was
 * in, and the browser fell back to the page itself. Focus the user put elsewhere is not lost.
 */
export const focusWasDropped = (document: Document): boolean =>
  document.activeElement === null || document.activeElement === document.body;
