/**
 * Quick capture's extractor: people and organisations from a page, as plain data.
 * Runs inside the page (bundled into the injected script), so it uses nothing but the
 * standard DOM reading API (querySelector(All), getAttribute, hasAttribute, textContent,
 * children, localName) and never changes the document.
 */
import { createElementBudget } from './budget';
import { createCaptureCollector, type CaptureCollector } from './collector';
import { readHCards } from './h-card';
import { readJsonLd } from './json-ld';
import { readLinks, type LinkFindings } from './links';
import { readMicrodata } from './microdata';
import { readPage, type PageFacts } from './page-meta';
import { readSelection } from './selection';
import { looksLikePersonName } from './text';
import type { CaptureResult, CaptureSource, CapturedPerson } from './types';

const STRUCTURED: ReadonlySet<CaptureSource> = new Set(['json-ld', 'microdata', 'h-card']);

/**
 * Email addresses and numbers that nothing claimed go to the page's organisation, else to
 * the one person its structured data describes, else to an organisation named after the
 * site, else to a nameless contact the user can name in the form.
 */
const placeLeftovers = (collector: CaptureCollector, links: LinkFindings, facts: PageFacts): void => {
  const contacts = { emails: links.emails, phones: links.phones };
  if (contacts.emails.length === 0 && contacts.phones.length === 0) return;
  const described = collector.people().flatMap((person, index) => (STRUCTURED.has(person.source) ? [index] : []));
  const onlyPerson = described.length === 1 ? described[0] ?? -1 : -1;
  if (collector.organisations().length > 0) collector.addToOrganisation(0, contacts);
  else if (onlyPerson !== -1) collector.addToPerson(onlyPerson, contacts);
  else if (facts.page.siteName !== '') {
    collector.addOrganisation({
      name: facts.page.siteName, website: facts.page.canonicalUrl || facts.page.url, ...contacts,
    }, 'meta');
  } else collector.addPerson(contacts, 'links');
};

/** The page's declared author, when nothing better named a person. */
const addAuthor = (collector: CaptureCollector, facts: PageFacts): void => {
  const named = collector.people().some((person) => person.name !== '');
  if (!named && looksLikePersonName(facts.page.author)) collector.addPerson({ name: facts.page.author }, 'meta');
};

/** The person the selection points at comes first: selecting is the user saying who. */
const selectedFirst = (people: readonly CapturedPerson[], selected: number): readonly CapturedPerson[] => {
  const person = people[selected];
  return selected <= 0 || person === undefined
    ? people
    : [person, ...people.slice(0, selected), ...people.slice(selected + 1)];
};

/** `elementBudget` is the page's allowance of nodes (budget.ts); lower only in tests. */
export const extractFromDocument = (doc: Document, selection: string, elementBudget?: number): CaptureResult => {
  const budget = createElementBudget(elementBudget);
  const facts = readPage(doc, budget);
  const collector = createCaptureCollector(facts.baseUrl);
  readJsonLd(doc, collector);
  readMicrodata(doc, collector, budget);
  readHCards(doc, collector, budget);
  const links = readLinks(doc, facts.baseUrl, collector, budget);
  placeLeftovers(collector, links, facts);
  addAuthor(collector, facts);
  const selected = readSelection(selection);
  const selectedIndex = selected.person === null ? -1 : collector.addPerson(selected.person, 'selection');
  return {
    page: facts.page,
    people: selectedFirst(collector.people(), selectedIndex),
    organisations: collector.organisations(),
    vcardUrls: links.vcardUrls,
    selection: selected.text,
    partial: budget.ranOut(),
  };
};
