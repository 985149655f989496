import { describe, expect, it } from 'vitest';
import { captureNoteFields } from '../../../core/quick-capture/note';
import { localDay, organisationFieldsFrom, personFieldsFrom } from '../../../core/quick-capture/prefill';
import { parseFields } from '../../../core/records/validate';
import { capturedFromText } from '../../../components/shared/messages/capture-messages';
import { FIXTURE_PAGE_URL, captureFixture } from '../capture/pages';

const NOW = new Date(2025, 2, 7, 23, 30).getTime();
const context = { owner: 'Maria', capturedFrom: capturedFromText, now: NOW, organisationId: null };

const FIXTURES = [
  'contact-links.html', 'h-card.html', 'hostile-deep-nesting.html', 'hostile-huge-json-ld.html',
  'hostile-malformed-json.html', 'hostile-script-names.html', 'json-ld-organisation.html', 'json-ld-person.html',
  'links-only.html', 'microdata-person.html', 'team-500.html',
];

describe('the record a capture suggests', () => {
  it('is a person the store accepts as it stands, with the page as the source of a legitimate-interests basis', () => {
    const capture = captureFixture('json-ld-person.html');
    const fields = personFieldsFrom(capture.people[0]!, capture, context);
    const parsed = parseFields('person', fields);
    expect(parsed.ok).toBe(true);
    expect(fields).toMatchObject({
      firstName: 'Ada', lastName: 'Okafor', jobTitle: 'Head of Data',
      emails: ['ada.okafor@northwind.example'],
      consent: { basis: 'legitimate-interests', date: '2025-03-07', source: `Captured from ${FIXTURE_PAGE_URL}` },
    });
  });

  it.each(FIXTURES)('passes the record schemas for every named person and organisation on %s', (name) => {
    const capture = captureFixture(name);
    for (const person of capture.people.filter((p) => p.name !== '')) {
      const parsed = parseFields('person', personFieldsFrom(person, capture, context));
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
    }
    for (const organisation of capture.organisations) {
      const parsed = parseFields('organisation', organisationFieldsFrom(organisation, 'Maria'));
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
    }
  });

  it('splits a full name when the page gave no first and last name', () => {
    const capture = captureFixture('json-ld-person.html');
    const person = { ...capture.people[0]!, firstName: '', lastName: '', name: 'Grace Brewster Hopper' };
    expect(personFieldsFrom(person, capture, context)).toMatchObject({ firstName: 'Grace', lastName: 'Brewster Hopper' });
  });

  it('dates the basis by the local calendar day', () => {
    expect(localDay(new Date(2024, 11, 31, 23, 59).getTime())).toBe('2024-12-31');
    expect(localDay(new Date(2025, 0, 1, 0, 1).getTime())).toBe('2025-01-01');
  });
});

describe('the note a capture leaves', () => {
  it('holds the selected text, the page address and the capture time', () => {
    const capture = captureFixture('json-ld-person.html', 'Met Ada at the data summit.\nFollow up in May.');
    expect(captureNoteFields(capture, 'person-1', NOW, capturedFromText)).toEqual({
      body: 'Met Ada at the data summit.\nFollow up in May.', recordId: 'person-1', sourceUrl: FIXTURE_PAGE_URL, capturedAt: NOW,
    });
  });

  it('says where it came from when nothing was selected, and passes the note schema', () => {
    const capture = captureFixture('json-ld-person.html');
    const note = captureNoteFields(capture, 'person-1', NOW, capturedFromText);
    expect(note.body).toBe(`Captured from ${capture.page.title}`);
    expect(parseFields('note', note).ok).toBe(true);
  });

  it('leaves out an address the note schema would refuse rather than losing the note', () => {
    const capture = { ...captureFixture('nothing.html'), page: { url: '', title: '', siteName: '', canonicalUrl: '', author: '' } };
    const note = captureNoteFields(capture, 'person-1', NOW, capturedFromText);
    expect(note).toMatchObject({ body: 'Captured from a web page', sourceUrl: null });
    expect(parseFields('note', note).ok).toBe(true);
  });
});
