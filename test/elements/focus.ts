import type { Locator } from 'vitest/browser';

/** The element that has focus, looked for inside shadow roots as the browser keeps it. */
const deepActiveElement = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Whether the keyboard is on the element the locator finds (jest-dom's toHaveFocus stops at the shadow host). */
export const hasFocus = (locator: Locator): boolean => {
  const element = locator.query();
  return element !== null && element === deepActiveElement();
};
