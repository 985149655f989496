/**
 * The text a reader sees in an element: text nodes in document order, skipping what the
 * browser never shows (script, style, template, noscript), and stopping once `max`
 * characters are gathered, so an element wrapping a whole page costs no more than a name.
 * Each node visited is spent from the page's budget, so text read over and over (an element
 * inside many others) still costs the page a bounded amount.
 */
import type { ElementBudget } from './budget';

const HIDDEN_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export const elementText = (element: Element, max: number, budget: ElementBudget): string => {
  let text = '';
  const stack: Node[] = [element];
  while (stack.length > 0 && text.length < max) {
    const node = stack.pop();
    if (node === undefined || !budget.read()) break;
    if (node.nodeType === TEXT_NODE) {
      text += (node.nodeValue ?? '').slice(0, max - text.length);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || (node !== element && HIDDEN_ELEMENTS.has(node.nodeName.toLowerCase()))) continue;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return text;
};
