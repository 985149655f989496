/**
 * schema.org people and organisations in the page's JSON-LD blocks: top-level nodes,
 * @graph, arrays, and nodes nested under any property (worksFor, employee, member,
 * founder, author, mainEntity…). Bounded three ways: characters parsed, nesting depth and
 * values visited, so a hostile block costs a fixed amount of work at most.
 */
import type { CaptureCollector } from './collector';
import {
  ADDRESS_PARTS, AFFILIATION_PROPERTIES, MEMBER_PROPERTIES, joinAddress, kindOfTypes,
} from './schema-org';
import { CAPTURE_LIMITS } from './types';

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Some sites wrap the JSON in an HTML comment or CDATA markers. */
const unwrap = (text: string): string =>
  text.trim().replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '').replace(/(?:\/\/\s*)?(?:-->|\]\]>)$/, '');

/** The page's JSON-LD, parsed while the character budget lasts; malformed blocks are skipped. */
export const readJsonLdBlocks = (doc: Document): unknown[] => {
  const blocks: unknown[] = [];
  let charactersLeft: number = CAPTURE_LIMITS.jsonLdChars;
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    const type = (script.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > charactersLeft) continue;
    charactersLeft -= text.length;
    try {
      blocks.push(JSON.parse(unwrap(text)));
    } catch {
      // A broken block says nothing we could trust; the rest of the page still counts.
    }
  }
  return blocks;
};

const SMALL_LIST = CAPTURE_LIMITS.listItems;

/**
 * Strings in a value: a string, an object's first present key, or a short list of those.
 * Numbers count only where a number is a fair reading (telephone, postal code).
 */
const textsOf = (value: unknown, objectKeys: readonly string[], numbers = false, depth = 0): string[] => {
  if (typeof value === 'string') return [value];
  if (numbers && typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (depth >= 2) return [];
  if (Array.isArray(value)) return value.slice(0, SMALL_LIST).flatMap((item) => textsOf(item, objectKeys, numbers, depth + 1));
  if (!isObject(value)) return [];
  const key = objectKeys.find((candidate) => value[candidate] !== undefined);
  return key === undefined ? [] : textsOf(value[key], objectKeys, numbers, depth + 1);
};

const TEXT_KEYS = ['@value', 'name'];
const URL_KEYS = ['@id', 'url', '@value'];
const texts = (value: unknown): string[] => textsOf(value, TEXT_KEYS);
const firstText = (value: unknown): string => texts(value)[0] ?? '';
const urls = (value: unknown): string[] => textsOf(value, URL_KEYS);
const numberTexts = (value: unknown): string[] => textsOf(value, TEXT_KEYS, true);
const listOf = (value: unknown): readonly unknown[] =>
  (Array.isArray(value) ? value.slice(0, SMALL_LIST) : value === undefined ? [] : [value]);

const addressesOf = (value: unknown): string[] => listOf(value).map((item) => {
  if (!isObject(item)) return firstText(item);
  return joinAddress(Object.fromEntries(ADDRESS_PARTS.map((part) => [part, numberTexts(item[part])[0] ?? ''])));
});

/** Emails and phones of the node itself and of its contactPoint entries. */
const contactsOf = (node: JsonObject): { emails: string[]; phones: string[] } => {
  const holders = [node, ...listOf(node['contactPoint']).filter(isObject)];
  return {
    emails: holders.flatMap((holder) => texts(holder['email'])),
    phones: holders.flatMap((holder) => numberTexts(holder['telephone'])),
  };
};

const READ_DIRECTLY = new Set([
  '@context', '@type', '@id', 'name', 'legalName', 'alternateName', 'givenName', 'familyName', 'jobTitle',
  'email', 'telephone', 'url', 'sameAs', 'address', 'contactPoint', ...AFFILIATION_PROPERTIES, ...MEMBER_PROPERTIES,
]);

interface WalkState {
  nodesLeft: number;
  readonly ids: ReadonlyMap<string, JsonObject>;
  readonly collector: CaptureCollector;
}

const walk = (value: unknown, depth: number, employer: string, state: WalkState): void => {
  if (depth > CAPTURE_LIMITS.depth || state.nodesLeft <= 0) return;
  state.nodesLeft -= 1;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (state.nodesLeft <= 0) return;
      walk(item, depth + 1, employer, state);
    }
    return;
  }
  if (!isObject(value)) return;
  const kind = kindOfTypes(texts(value['@type']));
  if (kind === 'person') readPerson(value, depth, employer, state);
  if (kind === 'organisation') readOrganisation(value, depth, state);
  walkOtherProperties(value, depth, state);
};

/** Properties not read directly may still hold people: author, mainEntity, knows, @graph… */
const walkOtherProperties = (node: JsonObject, depth: number, state: WalkState): void => {
  for (const key in node) {
    if (state.nodesLeft <= 0) return;
    if (!READ_DIRECTLY.has(key)) walk(node[key], depth + 1, '', state);
  }
};

const readPerson = (node: JsonObject, depth: number, employer: string, state: WalkState): void => {
  const affiliations: string[] = [];
  for (const property of AFFILIATION_PROPERTIES) {
    for (const item of listOf(node[property])) {
      if (!isObject(item)) {
        affiliations.push(firstText(item));
        continue;
      }
      const reference = typeof item['@id'] === 'string' ? state.ids.get(item['@id']) : undefined;
      affiliations.push(firstText((reference ?? item)['name']));
      // worksFor and affiliation name organisations even when the node carries no @type.
      const types = texts(item['@type']);
      if (reference === undefined && (types.length === 0 || kindOfTypes(types) === 'organisation')) {
        readOrganisation(item, depth + 1, state);
      }
    }
  }
  state.collector.addPerson({
    name: firstText(node['name']),
    givenName: firstText(node['givenName']),
    familyName: firstText(node['familyName']),
    jobTitle: firstText(node['jobTitle']),
    organisationName: employer || affiliations.find((name) => name.trim() !== ''),
    ...contactsOf(node),
    urls: [...urls(node['url']), ...urls(node['sameAs'])],
    addresses: addressesOf(node['address']),
  }, 'json-ld');
};

const readOrganisation = (node: JsonObject, depth: number, state: WalkState): void => {
  if (depth > CAPTURE_LIMITS.depth) return;
  const name = firstText(node['name']) || firstText(node['legalName']) || firstText(node['alternateName']);
  state.collector.addOrganisation({
    name,
    website: urls(node['url'])[0],
    ...contactsOf(node),
    urls: urls(node['sameAs']),
    addresses: addressesOf(node['address']),
  }, 'json-ld');
  for (const property of MEMBER_PROPERTIES) walk(node[property], depth + 1, name, state);
};

/** Top-level nodes and @graph members, so a reference such as {"@id": "#org"} finds its name. */
const indexIds = (blocks: readonly unknown[]): Map<string, JsonObject> => {
  const ids = new Map<string, JsonObject>();
  const add = (value: unknown, depth: number): void => {
    if (depth > 3 || ids.size >= CAPTURE_LIMITS.scopes) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, CAPTURE_LIMITS.scopes)) add(item, depth + 1);
    } else if (isObject(value)) {
      if (typeof value['@id'] === 'string') ids.set(value['@id'], value);
      add(value['@graph'], depth + 1);
    }
  };
  add(blocks, 0);
  return ids;
};

export const readJsonLd = (doc: Document, collector: CaptureCollector): void => {
  const blocks = readJsonLdBlocks(doc);
  const state: WalkState = { nodesLeft: CAPTURE_LIMITS.jsonLdNodes, ids: indexIds(blocks), collector };
  for (const block of blocks) walk(block, 0, '', state);
};
