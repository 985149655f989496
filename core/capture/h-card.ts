/**
 * h-card microformats: p-name, p-given-name, p-family-name, p-job-title, p-org, u-email,
 * p-tel, u-url, p-adr. A card whose name is its organisation, or that is the p-org of
 * another card, is an organisation.
 */
import type { ElementBudget } from './budget';
import type { CaptureCollector } from './collector';
import { elementText } from './element-text';
import { collectScopes, propertiesNamed, type Scope, type ScopeProperty } from './scoped-tree';
import { joinAddress } from './schema-org';
import { nameKey } from './text';
import { CAPTURE_LIMITS } from './types';

const ROOT_CLASS = /^h-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PROPERTY_CLASS = /^(?:p|u|dt|e)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const classesOf = (element: Element): string[] =>
  (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name !== '');

const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href', area: 'href', link: 'href', img: 'src', audio: 'src', video: 'src', source: 'src', object: 'data',
};

const PLAIN_TEXT_ATTRIBUTES: Readonly<Record<string, string>> = {
  img: 'alt', area: 'alt', abbr: 'title', data: 'value', input: 'value',
};

/** The readers of one page's cards; every element's text is spent from the page's budget. */
const cardReader = (budget: ElementBudget) => {
  const attributeOr = (element: Element, attribute: string | undefined): string =>
    (attribute !== undefined && element.hasAttribute(attribute)
      ? element.getAttribute(attribute) ?? ''
      : elementText(element, CAPTURE_LIMITS.elementText, budget));

  /** A property's value by the microformats2 parsing rules for p-* and u-*. */
  const elementValue = (property: ScopeProperty): string => {
    const tag = property.element.localName.toLowerCase();
    const attribute = property.name.startsWith('u-') ? URL_ATTRIBUTES[tag] : PLAIN_TEXT_ATTRIBUTES[tag];
    return attributeOr(property.element, attribute);
  };

  /** A nested card stands for its name, as a p-org h-card does. */
  const valueOf = (property: ScopeProperty): string =>
    (property.scope === null ? elementValue(property) : cardName(property.scope));

  const textOf = (card: Scope, name: string): string => {
    const property = propertiesNamed(card, name)[0];
    return property === undefined ? '' : valueOf(property);
  };

  const textsOf = (card: Scope, name: string): string[] => propertiesNamed(card, name).map(valueOf);

  /** p-name; else, for a card with no p-* or e-* properties at all, the card's own text. */
  const cardName = (card: Scope): string => {
    const explicit = textOf(card, 'p-name');
    if (explicit !== '') return explicit;
    if (card.properties.some((property) => /^[pe]-/.test(property.name))) return '';
    return attributeOr(card.element, PLAIN_TEXT_ATTRIBUTES[card.element.localName.toLowerCase()]);
  };

  /** A tel: link marked p-tel shows "Call us" as text; its target is the number. */
  const phonesOf = (card: Scope): string[] => [...propertiesNamed(card, 'p-tel'), ...propertiesNamed(card, 'u-tel')]
    .map((property) => {
      const href = property.element.getAttribute('href') ?? '';
      return /^tel:/i.test(href) ? href : valueOf(property);
    });

  /** h-adr parts by the schema.org names joinAddress orders them by. */
  const ADR_PARTS = {
    streetAddress: 'p-street-address', postOfficeBoxNumber: 'p-post-office-box', postalCode: 'p-postal-code',
    addressLocality: 'p-locality', addressRegion: 'p-region', addressCountry: 'p-country-name',
  } as const;

  const joinParts = (card: Scope): string => joinAddress({
    ...Object.fromEntries(Object.entries(ADR_PARTS).map(([part, property]) => [part, textOf(card, property)])),
    streetAddress: [textOf(card, ADR_PARTS.streetAddress), textOf(card, 'p-extended-address')].filter(Boolean).join(' '),
  });

  const addressesOf = (card: Scope): string[] => [
    ...propertiesNamed(card, 'p-adr').map((property) => (property.scope === null ? valueOf(property) : joinParts(property.scope))),
    joinParts(card),
  ];

  const urlsOf = (card: Scope): string[] => {
    const urls = textsOf(card, 'u-url');
    const implied = card.element.localName.toLowerCase() === 'a' ? card.element.getAttribute('href') : null;
    return urls.length === 0 && implied !== null ? [implied] : urls;
  };

  const isOrganisationCard = (card: Scope, name: string, organisation: string): boolean =>
    card.names.includes('p-org')
    || (organisation !== '' && (name === '' || nameKey(name) === nameKey(organisation)));

  const readCard = (card: Scope, collector: CaptureCollector): void => {
    const name = cardName(card);
    const organisation = textOf(card, 'p-org');
    const contacts = {
      emails: textsOf(card, 'u-email'),
      phones: phonesOf(card),
      addresses: addressesOf(card),
    };
    if (isOrganisationCard(card, name, organisation) && textOf(card, 'p-given-name') === '') {
      collector.addOrganisation({ name: name || organisation, website: urlsOf(card)[0], urls: urlsOf(card).slice(1), ...contacts }, 'h-card');
      return;
    }
    collector.addPerson({
      name,
      givenName: textOf(card, 'p-given-name'),
      familyName: textOf(card, 'p-family-name'),
      jobTitle: textOf(card, 'p-job-title') || textOf(card, 'p-role'),
      organisationName: organisation,
      urls: urlsOf(card),
      ...contacts,
    }, 'h-card');
  };
  return readCard;
};

export const readHCards = (doc: Document, collector: CaptureCollector, budget: ElementBudget): void => {
  const root = doc.documentElement;
  if (!doc.querySelector('.h-card')) return;
  const scopes = collectScopes(root, {
    isScope: (element) => classesOf(element).some((name) => ROOT_CLASS.test(name)),
    propertyNames: (element) => classesOf(element).filter((name) => PROPERTY_CLASS.test(name)),
  }, budget);
  const readCard = cardReader(budget);
  for (const card of scopes) {
    if (classesOf(card.element).includes('h-card')) readCard(card, collector);
  }
};
