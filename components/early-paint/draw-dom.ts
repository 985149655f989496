/**
 * Plain DOM for the early paint, before Lit and the workspace load.
 * Invariant: what a user wrote reaches the page only as textContent, never as markup.
 */
import { ACCESS_WORDS } from '../shared/messages/access-words';

export const el = (tag: string, className: string | readonly string[] = '', text?: string): HTMLElement => {
  const element = document.createElement(tag);
  element.classList.add(...[className].flat().filter((name) => name !== ''));
  if (text !== undefined) element.textContent = text;
  return element;
};

/** Nothing here can be used yet: the screen says it is opening, and its list is busy. */
export const busyList = (tag: string, label: string): HTMLElement => {
  const list = el(tag);
  list.setAttribute('aria-label', label);
  list.setAttribute('aria-busy', 'true');
  return list;
};

export const opening = (): HTMLElement => {
  const status = el('p', ['muted', 'count'], ACCESS_WORDS.opening);
  status.setAttribute('role', 'status');
  return status;
};
