/** schema.org Person and Organization items written as microdata (itemscope, itemtype, itemprop). */
import type { ElementBudget } from './budget';
import type { CaptureCollector } from './collector';
import { elementText } from './element-text';
import {
  ADDRESS_PARTS, AFFILIATION_PROPERTIES, MEMBER_PROPERTIES, joinAddress, kindOfTypes,
} from './schema-org';
import { collectScopes, propertiesNamed, type Scope, type ScopeProperty } from './scoped-tree';
import { CAPTURE_LIMITS } from './types';

const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href', area: 'href', link: 'href', img: 'src', audio: 'src', video: 'src', source: 'src',
  track: 'src', iframe: 'src', embed: 'src', object: 'data',
};

const words = (value: string | null): string[] => (value ?? '').split(/\s+/).filter((word) => word !== '');

/** The readers of one page's items; every element's text is spent from the page's budget. */
const itemReader = (budget: ElementBudget) => {
  /** A property element's value, by the microdata rules for each element. */
  const elementValue = (element: Element): string => {
    const tag = element.localName.toLowerCase();
    if (tag === 'meta') return element.getAttribute('content') ?? '';
    const urlAttribute = URL_ATTRIBUTES[tag];
    if (urlAttribute !== undefined) return element.getAttribute(urlAttribute) ?? '';
    if (tag === 'data' || tag === 'meter') return element.getAttribute('value') ?? '';
    if (tag === 'time' && element.hasAttribute('datetime')) return element.getAttribute('datetime') ?? '';
    return elementText(element, CAPTURE_LIMITS.elementText, budget);
  };

  const typesOf = (scope: Scope): string[] => words(scope.element.getAttribute('itemtype'));

  /** A nested item stands for its name, as an organisation in worksFor does. */
  const valueOf = (property: ScopeProperty): string =>
    (property.scope === null ? elementValue(property.element) : textOf(property.scope, 'name'));

  const textOf = (scope: Scope, name: string): string => {
    const property = propertiesNamed(scope, name)[0];
    return property === undefined ? '' : valueOf(property);
  };

  const textsOf = (scope: Scope, name: string): string[] => propertiesNamed(scope, name).map(valueOf);

  const addressesOf = (scope: Scope): string[] => propertiesNamed(scope, 'address').map(({ element, scope: address }) =>
    (address === null
      ? elementValue(element)
      : joinAddress(Object.fromEntries(ADDRESS_PARTS.map((part) => [part, textOf(address, part)])))));

  /** Contact details of the item and of its contactPoint items. */
  const contactsOf = (scope: Scope): { emails: string[]; phones: string[] } => {
    const holders = [scope, ...propertiesNamed(scope, 'contactPoint').flatMap((property) => property.scope ?? [])];
    return {
      emails: holders.flatMap((holder) => textsOf(holder, 'email')),
      phones: holders.flatMap((holder) => textsOf(holder, 'telephone')),
    };
  };

  /** The organisation a person belongs to: the item they are an employee or member of, else worksFor. */
  const organisationNameOf = (scope: Scope): string => {
    const parent = scope.parent;
    if (parent !== null && kindOfTypes(typesOf(parent)) === 'organisation'
      && scope.names.some((name) => MEMBER_PROPERTIES.has(name))) {
      return textOf(parent, 'name') || textOf(parent, 'legalName');
    }
    return AFFILIATION_PROPERTIES.flatMap((name) => textsOf(scope, name)).find((name) => name.trim() !== '') ?? '';
  };

  const readItem = (scope: Scope, collector: CaptureCollector): void => {
    const kind = kindOfTypes(typesOf(scope));
    if (kind === 'person') {
      collector.addPerson({
        name: textOf(scope, 'name'),
        givenName: textOf(scope, 'givenName'),
        familyName: textOf(scope, 'familyName'),
        jobTitle: textOf(scope, 'jobTitle'),
        organisationName: organisationNameOf(scope),
        ...contactsOf(scope),
        urls: [...textsOf(scope, 'url'), ...textsOf(scope, 'sameAs')],
        addresses: addressesOf(scope),
      }, 'microdata');
    } else if (kind === 'organisation') {
      collector.addOrganisation({
        name: textOf(scope, 'name') || textOf(scope, 'legalName'),
        website: textOf(scope, 'url'),
        ...contactsOf(scope),
        urls: textsOf(scope, 'sameAs'),
        addresses: addressesOf(scope),
      }, 'microdata');
    }
  };
  return readItem;
};

export const readMicrodata = (doc: Document, collector: CaptureCollector, budget: ElementBudget): void => {
  const root = doc.documentElement;
  if (!doc.querySelector('[itemscope]')) return;
  const scopes = collectScopes(root, {
    isScope: (element) => element.hasAttribute('itemscope'),
    propertyNames: (element) => words(element.getAttribute('itemprop')),
  }, budget);
  const readItem = itemReader(budget);
  for (const scope of scopes) readItem(scope, collector);
};
