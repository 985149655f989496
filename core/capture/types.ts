/**
 * What a page capture yields: plain strings and arrays of strings only, so the result
 * survives structured cloning between the injected script and the background, where
 * every field is validated again before a form is prefilled.
 */

/** Where a captured person or organisation was found, best first. */
export const CAPTURE_SOURCES = ['json-ld', 'microdata', 'h-card', 'links', 'meta', 'selection'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export interface CapturedPage {
  readonly url: string;
  readonly title: string;
  readonly siteName: string;
  readonly canonicalUrl: string;
  readonly author: string;
}

export interface CapturedPerson {
  /** Empty for a contact found only through its email address or phone number. */
  readonly name: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle: string;
  readonly organisationName: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  /** The person's own web address and profile links (schema.org sameAs). */
  readonly urls: readonly string[];
  readonly addresses: readonly string[];
  readonly source: CaptureSource;
}

export interface CapturedOrganisation {
  readonly name: string;
  readonly domain: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly urls: readonly string[];
  readonly addresses: readonly string[];
  readonly source: CaptureSource;
}

export interface CaptureResult {
  readonly page: CapturedPage;
  readonly people: readonly CapturedPerson[];
  readonly organisations: readonly CapturedOrganisation[];
  /** Links to vCard files on the page; recorded, never fetched. */
  readonly vcardUrls: readonly string[];
  /** The text the user had selected, cleaned and capped; line breaks kept. */
  readonly selection: string;
  /** True when the page's node budget ran out, so part of the page was not read. */
  readonly partial: boolean;
}

/** Bounds that keep a hostile page from making the capture slow or its message huge. */
export const CAPTURE_LIMITS = {
  name: 200,
  field: 1_000,
  email: 254,
  url: 2_048,
  selection: 10_000,
  listItems: 20,
  people: 500,
  organisations: 500,
  vcardUrls: 20,
  /** Characters of JSON-LD parsed per page, all blocks together (about 2 MB). */
  jsonLdChars: 2 * 1024 * 1024,
  /** Nesting of JSON-LD values, microdata items and microformats read. */
  depth: 10,
  /** JSON-LD values visited per page. */
  jsonLdNodes: 200_000,
  /** Nodes visited per page, every walk of the tree and every element's text together (see budget.ts). */
  elements: 500_000,
  /** Microdata items or microformats read per page. */
  scopes: 5_000,
  /** Properties read per microdata item or microformat. */
  propertiesPerScope: 200,
  /** Characters of an element's text read before cleaning, so wrapping a whole page in itemprop gains nothing. */
  elementText: 5_000,
  /** Links read for mailto:, tel: and vCard addresses. */
  links: 20_000,
} as const;
