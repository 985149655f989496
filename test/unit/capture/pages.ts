import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractFromDocument } from '../../../core/capture/extract';
import type { CaptureResult } from '../../../core/capture/types';

export const FIXTURE_PAGE_URL = 'https://fixtures.example/capture/page.html';

/** A parsed page, as the browser would hold it at `url`. */
export const parsePage = (html: string, url = FIXTURE_PAGE_URL): Document => {
  const { document } = parseHTML(html);
  // linkedom leaves document.URL unset; in a browser it is the page's address.
  Object.defineProperty(document, 'URL', { value: url });
  return document;
};

export const readFixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/capture/${name}`, import.meta.url), 'utf8');

export const captureFixture = (name: string, selection = '', url = FIXTURE_PAGE_URL): CaptureResult =>
  extractFromDocument(parsePage(readFixture(name), url), selection);

/** A fragment of body content, captured as a whole page holding it. */
export const captureHtml = (body: string, selection = ''): CaptureResult =>
  extractFromDocument(parsePage(`<!doctype html><html><head><title>Test page</title></head><body>${body}</body></html>`), selection);

/** Every string anywhere in a value: what a later reader of the capture could be handed. */
export const allStrings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
};

export const names = (result: CaptureResult): string[] => result.people.map((person) => person.name);
