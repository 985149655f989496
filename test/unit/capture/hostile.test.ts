import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../core/capture/extract';
import { CAPTURE_LIMITS } from '../../../core/capture/types';
import { allStrings, captureFixture, captureHtml, names, parsePage, readFixture } from './pages';

const TAG = /<\/?[a-z][^>]*>/i;

describe('hostile pages: markup in values', () => {
  it('turns script and image markup in names into plain text', () => {
    const result = captureFixture('hostile-script-names.html');
    expect(names(result)).toEqual(['alert(1)', 'Eveevil Mallory', 'Micro Dana', 'Hank Card']);
    expect(result.organisations.map((organisation) => organisation.name)).toEqual(['Evil Org']);
    for (const value of allStrings(result)) expect(value).not.toMatch(TAG);
  });

  it('leaves out the text of script elements inside a name', () => {
    const result = captureFixture('hostile-script-names.html');
    expect(allStrings(result).join(' ')).not.toContain('__captured');
  });

  it('drops bidirectional overrides and invisible characters that disguise a name', () => {
    const eve = captureFixture('hostile-script-names.html').people[1];
    expect(eve?.name).toBe('Eveevil Mallory');
    for (const hidden of ['\u0000', '\u200B', '\u202E']) expect(eve?.name).not.toContain(hidden);
  });

  it('keeps only http(s) web addresses', () => {
    const result = captureFixture('hostile-script-names.html');
    const urls = [...result.people, ...result.organisations].flatMap((party) => party.urls);
    expect(urls).toEqual(['https://evil.example/ok']);
    expect(allStrings(result).join(' ')).not.toMatch(/javascript:|data:/i);
  });

  it('never changes the page it reads', () => {
    const doc = parsePage(readFixture('hostile-script-names.html'));
    const before = doc.documentElement.outerHTML;
    extractFromDocument(doc, '<script>alert("selection")</script>');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('caps names and fields, however long the page makes them', () => {
    const result = captureHtml(`<script type="application/ld+json">${JSON.stringify({
      '@type': 'Person',
      name: `Ann ${'Long'.repeat(100_000)}`,
      jobTitle: 'Chief '.repeat(1_000),
      address: 'Street '.repeat(10_000),
      email: `${'a'.repeat(300)}@x.example`,
      telephone: Array.from({ length: 1_000 }, (_, index) => `+44 20 7946 ${String(index).padStart(4, '0')}`),
    })}</script>`);
    const [person] = result.people;
    expect(person?.name.length).toBe(CAPTURE_LIMITS.name);
    expect(person?.jobTitle.length).toBeLessThanOrEqual(CAPTURE_LIMITS.name);
    expect(person?.addresses[0]?.length).toBeLessThanOrEqual(CAPTURE_LIMITS.field);
    expect(person?.emails).toEqual([]);
    expect(person?.phones).toHaveLength(CAPTURE_LIMITS.listItems);
  });

  it('does not split an emoji when cutting a name short', () => {
    const name = `${'x'.repeat(CAPTURE_LIMITS.name - 1)}😀 tail`;
    const result = captureHtml(`<div class="h-card"><span class="p-name">${name}</span></div>`);
    expect(result.people[0]?.name).toBe('x'.repeat(CAPTURE_LIMITS.name - 1));
  });
});

describe('hostile pages: oversized and broken JSON-LD', () => {
  it('skips a JSON-LD block over the 2 MB budget and still reads the small ones around it', () => {
    const html = readFixture('hostile-huge-json-ld.html');
    expect(html.length).toBeGreaterThan(CAPTURE_LIMITS.jsonLdChars);
    const result = extractFromDocument(parsePage(html), '');
    expect(names(result)).toEqual(['Before Giant', 'After Giant']);
    expect(result.organisations).toEqual([]);
  });

  it('stops parsing JSON-LD once 2 MB have been read across blocks', () => {
    const block = (label: string): string => `<script type="application/ld+json">${JSON.stringify({
      '@type': 'Person', name: `${label} Person`, description: 'x'.repeat(CAPTURE_LIMITS.jsonLdChars * 0.6),
    })}</script>`;
    expect(names(captureHtml(block('First') + block('Second')))).toEqual(['First Person']);
  });

  it('ignores malformed JSON-LD and reads the valid blocks, whatever their value types', () => {
    const result = captureFixture('hostile-malformed-json.html');
    expect(result.people).toMatchObject([
      { name: 'Nadia Petrova', emails: [], phones: [], urls: [] },
      { name: 'Weird Value', organisationName: 'Plain Text Employer' },
    ]);
    expect(result.organisations).toMatchObject([{ name: 'Commented Out Ltd', domain: 'commented.example' }]);
  });
});

describe('hostile pages: nesting a thousand levels deep', () => {
  const result = captureFixture('hostile-deep-nesting.html');
  const levels = (prefix: string): number[] => names(result)
    .filter((name) => name.startsWith(prefix))
    .map((name) => Number(name.slice(prefix.length)));
  const upTo = (last: number): number[] => Array.from({ length: last + 1 }, (_, level) => level);

  it('reads JSON-LD people down to the depth limit and no further', () => {
    expect(levels('Json Level ')).toEqual(upTo(CAPTURE_LIMITS.depth));
    expect(names(result)).not.toContain('Bottom Of Arrays');
  });

  it('reads nested microdata items and h-cards down to the depth limit and no further', () => {
    expect(levels('Micro Level ')).toEqual(upTo(CAPTURE_LIMITS.depth - 1));
    expect(levels('Card Level ')).toEqual(upTo(CAPTURE_LIMITS.depth - 1));
  });

  it('still finds a contact link buried under a thousand elements', () => {
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Deep Inside', emails: ['deep@nest.example'] }));
  });
});
