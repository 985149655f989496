import { expect, vi } from 'vitest';
import type { LitElement } from 'lit';

/**
 * Mounting an element the way a page does: created by tag, given its properties, attached to
 * the document, and awaited until its first render (and its children's) has landed.
 */
const mounted = new Set<HTMLElement>();

export const mount = async <Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag, properties: Partial<HTMLElementTagNameMap[Tag]> = {}, attributes: Readonly<Record<string, string>> = {},
): Promise<HTMLElementTagNameMap[Tag]> => {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  mounted.add(element);
  await settled(element);
  return element;
};

/** Waits until the element and every Lit element in its shadow tree have no update pending. */
export const settled = async (element: Element): Promise<void> => {
  for (let round = 0; round < 5; round++) {
    const pending = litElementsIn(element).map((el) => el.updateComplete);
    if ((await Promise.all(pending)).every(Boolean)) return;
  }
};

const litElementsIn = (root: Element): LitElement[] => {
  const found: LitElement[] = [];
  const visit = (element: Element): void => {
    if ('updateComplete' in element) found.push(element as LitElement);
    element.shadowRoot?.querySelectorAll('*').forEach(visit);
    element.querySelectorAll('*').forEach(visit);
  };
  visit(root);
  return found;
};

const listeners = new Set<() => void>();

export const unmountAll = (): void => {
  for (const element of mounted) element.remove();
  mounted.clear();
  for (const stop of listeners) stop();
  listeners.clear();
};

/** The text a user reads in the element, shadow roots included, with white space collapsed. */
export const visibleText = (root: Element | ShadowRoot): string => {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLElement && node.hidden) return;
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
};

/** Collects the events of one name that reach the document; `details` holds what each carried. */
export const listen = (name: keyof HTMLElementEventMap | (string & {})) => {
  const events: Event[] = [];
  const onEvent = (event: Event) => { events.push(event); };
  document.addEventListener(name, onEvent);
  listeners.add(() => document.removeEventListener(name, onEvent));
  return {
    events,
    get details() { return events.map((event) => (event as CustomEvent).detail as unknown); },
  };
};

/** The element that has the focus, looked up through shadow roots (the document only knows the outermost host). */
export const focusedElement = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Waits until `target` (an element, or a function finding it) has the focus. */
export const expectFocusOn = (target: () => Element | null): Promise<void> =>
  vi.waitFor(() => { expect(focusedElement()).toBe(target()); });
