/** What the page says about itself: its address, title, site name, canonical address and author. */
import type { ElementBudget } from './budget';
import { webUrlFrom } from './contact-values';
import { elementText } from './element-text';
import { cleanText } from './text';
import { CAPTURE_LIMITS, type CapturedPage } from './types';

export interface PageFacts {
  readonly page: CapturedPage;
  /** What relative links on the page resolve against; '' when the page has no web address. */
  readonly baseUrl: string;
}

/** Enough for any real head; a page with more meta elements than this is not honest. */
const MAX_HEAD_ELEMENTS = 1_000;

const lowerWords = (value: string | null): string[] => (value ?? '').toLowerCase().split(/\s+/);

/** Meta elements by name or property, compared without regard to case. */
const metaReader = (doc: Document): ((key: string) => string) => {
  const metas = Array.from(doc.querySelectorAll('meta[content]')).slice(0, MAX_HEAD_ELEMENTS);
  return (key) => {
    const found = metas.find((meta) =>
      (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase() === key
      && (meta.getAttribute('content') ?? '').trim() !== '');
    return found?.getAttribute('content') ?? '';
  };
};

const titleText = (doc: Document, budget: ElementBudget): string => {
  const title = doc.querySelector('title');
  return title === null ? '' : elementText(title, CAPTURE_LIMITS.elementText, budget);
};

const field = (raw: string): string => cleanText(raw, CAPTURE_LIMITS.field);

export const readPage = (doc: Document, budget: ElementBudget): PageFacts => {
  // Typed as a string, but DOM implementations outside browsers may leave it unset.
  const address: unknown = doc.URL;
  const url = typeof address === 'string' ? webUrlFrom(address, '') : '';
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? '';
  const baseUrl = (baseHref === '' ? '' : webUrlFrom(baseHref, url)) || url;
  const meta = metaReader(doc);
  const canonical = Array.from(doc.querySelectorAll('link[href][rel]')).slice(0, MAX_HEAD_ELEMENTS)
    .find((link) => lowerWords(link.getAttribute('rel')).includes('canonical'));
  return {
    baseUrl,
    page: {
      url,
      title: field(meta('og:title') || meta('twitter:title') || titleText(doc, budget)),
      siteName: field(meta('og:site_name') || meta('application-name')),
      canonicalUrl: webUrlFrom(canonical?.getAttribute('href') ?? '', baseUrl),
      author: field(meta('author') || meta('article:author')),
    },
  };
};
