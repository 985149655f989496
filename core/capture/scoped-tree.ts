/**
 * One walk of the document that finds items (microdata itemscope, microformat roots) and
 * gives each property element to the nearest item around it, as both formats define.
 * Iterative with an explicit stack, so a page nested a thousand levels deep cannot
 * overflow the call stack, and linear in the number of elements.
 */
import type { ElementBudget } from './budget';
import { CAPTURE_LIMITS } from './types';

export interface ScopeProperty {
  readonly name: string;
  readonly element: Element;
  /** Set when the property's element is itself an item: its value is that item. */
  readonly scope: Scope | null;
}

export interface Scope {
  readonly element: Element;
  /** The item this one is a property of, if any. */
  readonly parent: Scope | null;
  /** The property names this item has in its parent item. */
  readonly names: readonly string[];
  /** Items nested inside items: 1 at the top. */
  readonly depth: number;
  readonly properties: ScopeProperty[];
}

export interface ScopeRules {
  readonly isScope: (element: Element) => boolean;
  readonly propertyNames: (element: Element) => readonly string[];
}

/** Owns the elements below an item past the depth or count limit, so their properties go nowhere. */
const detached = (element: Element, depth: number): Scope => ({ element, parent: null, names: [], depth, properties: [] });

/** Items in document order, at most CAPTURE_LIMITS.depth deep and CAPTURE_LIMITS.scopes many, while the page's budget lasts. */
export const collectScopes = (root: Element, rules: ScopeRules, budget: ElementBudget): Scope[] => {
  const scopes: Scope[] = [];
  const kept = new Set<Scope>();
  const stack: { readonly element: Element; readonly owner: Scope | null }[] = [{ element: root, owner: null }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry || !budget.walk()) break;
    const { element, owner } = entry;
    const names = rules.propertyNames(element);
    let scope: Scope | null = null;
    if (rules.isScope(element)) {
      const depth = (owner?.depth ?? 0) + 1;
      const keep = depth <= CAPTURE_LIMITS.depth && scopes.length < CAPTURE_LIMITS.scopes && (owner === null || kept.has(owner));
      scope = keep
        ? { element, parent: names.length > 0 ? owner : null, names, depth, properties: [] }
        : detached(element, depth);
      if (keep) {
        scopes.push(scope);
        kept.add(scope);
      }
    }
    if (owner !== null && kept.has(owner)) {
      for (const name of names) {
        if (owner.properties.length >= CAPTURE_LIMITS.propertiesPerScope) break;
        owner.properties.push({ name, element, scope: scope !== null && kept.has(scope) ? scope : null });
      }
    }
    const children = element.children;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push({ element: child, owner: scope ?? owner });
    }
  }
  return scopes;
};

/** Properties of an item with the given name, in document order. */
export const propertiesNamed = (scope: Scope, name: string): readonly ScopeProperty[] =>
  scope.properties.filter((property) => property.name === name);
