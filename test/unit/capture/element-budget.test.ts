import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../core/capture/extract';
import { CAPTURE_LIMITS } from '../../../core/capture/types';
import { parsePage } from './pages';

/**
 * Counts every step the extractor takes down the tree (each read of a node's children), which
 * is what a hostile page's cost is made of: the time a capture takes follows this count.
 */
const countTreeSteps = (doc: Document): { readonly steps: () => number; readonly restore: () => void } => {
  let steps = 0;
  const patched: { readonly owner: object; readonly key: string; readonly descriptor: PropertyDescriptor }[] = [];
  for (const key of ['children', 'childNodes']) {
    let owner: object | null = doc.body;
    while (owner !== null && !Object.getOwnPropertyDescriptor(owner, key)) owner = Object.getPrototypeOf(owner) as object | null;
    const descriptor = owner === null ? undefined : Object.getOwnPropertyDescriptor(owner, key);
    const get = descriptor?.get;
    if (owner === null || descriptor === undefined || get === undefined) throw new Error(`no ${key} getter to count`);
    patched.push({ owner, key, descriptor });
    Object.defineProperty(owner, key, { ...descriptor, get(this: Node) { steps += 1; return get.call(this); } });
  }
  return {
    steps: () => steps,
    restore: () => { for (const { owner, key, descriptor } of patched) Object.defineProperty(owner, key, descriptor); },
  };
};

const stepsToCapture = (html: string, elementBudget?: number): { readonly steps: number; readonly people: number; readonly partial: boolean } => {
  const doc = parsePage(`<!doctype html><html><head><title>Nested</title></head><body>${html}</body></html>`);
  const counter = countTreeSteps(doc);
  try {
    const result = extractFromDocument(doc, '', elementBudget);
    return { steps: counter.steps(), people: result.people.length, partial: result.partial };
  } finally {
    counter.restore();
  }
};

const nested = (depth: number, open: (level: number) => string, close: string): string =>
  Array.from({ length: depth }, (_, level) => open(level)).join('') + close.repeat(depth);

describe('one element budget for the whole page', () => {
  it('reads 4,000 nested links within the budget, not once per link', () => {
    const links = nested(4_000, (level) => `<a href="mailto:person${level}@nest.example"><span>`, '</span></a>');
    const { steps, partial } = stepsToCapture(links);
    expect(steps).toBeLessThanOrEqual(CAPTURE_LIMITS.elements);
    expect(partial).toBe(true);
  });

  it('shares the budget between microdata, microformats and links on one page', () => {
    const budget = 20_000;
    const filler = '<i></i>'.repeat(budget * 0.6);
    const page = `<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Micro Person</span></div>`
      + `<div class="h-card"><span class="p-name">Card Person</span></div>${filler}`;
    const { steps, people, partial } = stepsToCapture(page, budget);
    expect(steps).toBeLessThanOrEqual(budget);
    expect(people).toBe(2);
    expect(partial).toBe(true);
  });

  it('still reads an ordinary page whole', () => {
    const cards = Array.from({ length: 50 }, (_, index) => `<div class="h-card"><span class="p-name">Card Person${String.fromCharCode(65 + (index % 26))} Number${index}</span></div>`).join('');
    expect(stepsToCapture(cards)).toMatchObject({ people: 50, partial: false });
  });
});
