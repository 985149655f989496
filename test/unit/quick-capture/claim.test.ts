import { describe, expect, it } from 'vitest';
import { parseCaptureClaim } from '../../../core/quick-capture/claim';
import { CAPTURE_LIMITS, type CaptureResult } from '../../../core/capture/types';
import { captureFixture } from '../capture/pages';

const FIXTURES = [
  'contact-links.html', 'h-card.html', 'hostile-deep-nesting.html', 'hostile-huge-json-ld.html',
  'hostile-malformed-json.html', 'hostile-script-names.html', 'json-ld-organisation.html', 'json-ld-person.html',
  'links-only.html', 'microdata-person.html', 'nothing.html', 'team-500.html',
];

const person = captureFixture('json-ld-person.html');

/** The claim as it would arrive: a structured clone of whatever the script returned. */
const arriving = (value: unknown): unknown => structuredClone(value);

const withFirstPerson = (change: Record<string, unknown>): unknown => ({
  ...person, people: [{ ...person.people[0], ...change }, ...person.people.slice(1)],
});

describe('a capture claim from an injected script', () => {
  it.each(FIXTURES)('is accepted as the extractor produced it from %s, unchanged', (name) => {
    const captured = captureFixture(name, 'Ada Okafor\nada.okafor@northwind.example');
    const parsed = parseCaptureClaim(arriving(captured));
    expect(parsed).toEqual({ ok: true, value: captured });
  });

  it('keeps whether the page was read only in part, and reads a capture from before that flag as whole', () => {
    expect(parseCaptureClaim(arriving({ ...person, partial: true }))).toEqual({ ok: true, value: { ...person, partial: true } });
    const { partial: _partial, ...older } = person;
    expect(parseCaptureClaim(arriving(older))).toEqual({ ok: true, value: { ...person, partial: false } });
    expect(parseCaptureClaim(arriving({ ...person, partial: 'yes' })).ok).toBe(false);
  });

  it('is refused whole when a name is longer than the extractor ever makes one', () => {
    const parsed = parseCaptureClaim(arriving(withFirstPerson({ name: 'A'.repeat(CAPTURE_LIMITS.name + 1) })));
    expect(parsed.ok).toBe(false);
  });

  it('is refused when a list holds more entries than the extractor keeps', () => {
    const emails = Array.from({ length: CAPTURE_LIMITS.listItems + 1 }, (_, i) => `p${i}@example.com`);
    expect(parseCaptureClaim(arriving(withFirstPerson({ emails }))).ok).toBe(false);
  });

  it('is refused when a list holds something other than text', () => {
    expect(parseCaptureClaim(arriving(withFirstPerson({ urls: [{ href: 'https://a.example' }] }))).ok).toBe(false);
    expect(parseCaptureClaim(arriving(withFirstPerson({ phones: [12345] }))).ok).toBe(false);
  });

  it('is refused when it names a source the extractor does not have', () => {
    expect(parseCaptureClaim(arriving(withFirstPerson({ source: 'server' }))).ok).toBe(false);
  });

  it('is refused when it carries fields the extractor never sends', () => {
    expect(parseCaptureClaim(arriving(withFirstPerson({ html: '<b>x</b>' }))).ok).toBe(false);
    expect(parseCaptureClaim(arriving({ ...person, script: 'alert(1)' })).ok).toBe(false);
  });

  it('is refused when it lists more people than a page may offer', () => {
    const first = person.people[0]!;
    const crowd: CaptureResult = { ...person, people: Array.from({ length: CAPTURE_LIMITS.people + 1 }, () => first) };
    expect(parseCaptureClaim(arriving(crowd)).ok).toBe(false);
  });

  it.each([undefined, null, 'a string', 42, [], {}])('is refused when the script answered %j', (value) => {
    const parsed = parseCaptureClaim(value);
    expect(parsed.ok).toBe(false);
  });

  it('says what was wrong without repeating the page’s text', () => {
    const parsed = parseCaptureClaim(arriving(withFirstPerson({ name: `<script>${'x'.repeat(300)}</script>` })));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('people.0.name');
      expect(parsed.error).not.toContain('<script>');
    }
  });
});
