import { describe, expect, it } from 'vitest';
import { SEARCH_FIELDS, searchTextOf, subtitleOf, titleOf } from '../../../core/records/display';
import { emptyFields } from '../../../core/records/validate';
import { RECORD_KINDS, type FieldsByKind, type LocketRecord, type RecordKind } from '../../../core/records/types';

const defaults = { owner: 'Sam', currency: 'EUR' };

const meta = { id: 'r1', createdAt: 1, updatedAt: 2, deletedAt: null };
type SomeFields<K extends RecordKind> = { -readonly [P in keyof FieldsByKind[K]]?: FieldsByKind[K][P] };

const build: { readonly [K in RecordKind]: (fields: SomeFields<K>) => LocketRecord } = {
  person: (fields) => ({ ...meta, kind: 'person', fields: { ...emptyFields('person', defaults), ...fields } }),
  organisation: (fields) => ({ ...meta, kind: 'organisation', fields: { ...emptyFields('organisation', defaults), ...fields } }),
  case: (fields) => ({ ...meta, kind: 'case', fields: { ...emptyFields('case', defaults), ...fields } }),
  opportunity: (fields) => ({ ...meta, kind: 'opportunity', fields: { ...emptyFields('opportunity', defaults), ...fields } }),
  note: (fields) => ({ ...meta, kind: 'note', fields: { ...emptyFields('note', defaults), ...fields } }),
  task: (fields) => ({ ...meta, kind: 'task', fields: { ...emptyFields('task', defaults), ...fields } }),
  activity: (fields) => ({ ...meta, kind: 'activity', fields: { ...emptyFields('activity', defaults), ...fields } }),
};

const recordOf = <K extends RecordKind>(kind: K, fields: SomeFields<K>): LocketRecord => build[kind](fields);

describe('titleOf', () => {
  it('shows a person as first and last name, or whichever exists', () => {
    expect(titleOf(recordOf('person', { firstName: 'Ada', lastName: 'Lovelace' }))).toBe('Ada Lovelace');
    expect(titleOf(recordOf('person', { lastName: 'Lovelace' }))).toBe('Lovelace');
    expect(titleOf(recordOf('person', { firstName: 'Ada' }))).toBe('Ada');
  });

  it('leaves a person or organisation with nothing to name it by untitled, for the interface to word', () => {
    expect(titleOf(recordOf('person', { emails: ['ada@example.com'] }))).toBe('ada@example.com');
    expect(titleOf(recordOf('person', {}))).toBe('');
    expect(titleOf(recordOf('organisation', { domain: 'acme.com' }))).toBe('acme.com');
    expect(titleOf(recordOf('organisation', {}))).toBe('');
  });

  it('shows the name of organisations, cases and opportunities', () => {
    expect(titleOf(recordOf('organisation', { name: 'Acme' }))).toBe('Acme');
    expect(titleOf(recordOf('case', { name: 'Roof repair' }))).toBe('Roof repair');
    expect(titleOf(recordOf('opportunity', { name: 'Rebuild' }))).toBe('Rebuild');
  });

  it('shows the first non-blank line of a note, cut at 80 characters', () => {
    expect(titleOf(recordOf('note', { body: '\n  Called back  \nSecond line' }))).toBe('Called back');
    const long = 'word '.repeat(40);
    const title = titleOf(recordOf('note', { body: long }));
    expect(Array.from(title).length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(titleOf(recordOf('note', { body: 'x'.repeat(80) }))).toBe('x'.repeat(80));
  });

  it('never cuts an emoji in half', () => {
    const title = titleOf(recordOf('note', { body: '😀'.repeat(100) }));
    expect(title).toBe(`${'😀'.repeat(79)}…`);
  });
});

describe('subtitleOf', () => {
  it('shows a person’s job title, else their first email', () => {
    expect(subtitleOf(recordOf('person', { firstName: 'A', jobTitle: 'CTO', emails: ['a@x.com'] }))).toBe('CTO');
    expect(subtitleOf(recordOf('person', { firstName: 'A', emails: ['a@x.com', 'b@x.com'] }))).toBe('a@x.com');
    expect(subtitleOf(recordOf('person', { firstName: 'A' }))).toBe('');
  });

  it('shows an organisation’s domain, else its first email', () => {
    expect(subtitleOf(recordOf('organisation', { name: 'Acme', domain: 'acme.com', emails: ['hi@acme.io'] }))).toBe('acme.com');
    expect(subtitleOf(recordOf('organisation', { name: 'Acme', emails: ['hi@acme.io'] }))).toBe('hi@acme.io');
  });

  it('shows a case’s status and nothing for a note', () => {
    expect(subtitleOf(recordOf('case', { name: 'C', status: 'closed' }))).toBe('closed');
    expect(subtitleOf(recordOf('note', { body: 'b', recordId: 'r' }))).toBe('');
  });

  it('shows an opportunity’s value in its currency with its status', () => {
    expect(subtitleOf(recordOf('opportunity', { name: 'O', value: 1200, currency: 'EUR' }))).toBe('€1,200 · open');
    expect(subtitleOf(recordOf('opportunity', { name: 'O', value: 1200.5, currency: 'USD', status: 'won' }))).toBe('$1,200.50 · won');
    expect(subtitleOf(recordOf('opportunity', { name: 'O', value: 0, currency: 'GBP', status: 'lost' }))).toBe('£0 · lost');
  });

  it('shows only the status when the value is unknown', () => {
    expect(subtitleOf(recordOf('opportunity', { name: 'O', value: null, status: 'won' }))).toBe('won');
  });

  it('still shows a value whose currency is missing', () => {
    expect(subtitleOf(recordOf('opportunity', { name: 'O', value: 2500, currency: '' }))).toBe('2,500 · open');
  });
});

describe('searchTextOf', () => {
  it('always gives every search field', () => {
    for (const kind of RECORD_KINDS) {
      expect(Object.keys(searchTextOf(recordOf(kind, {}))).sort()).toEqual([...SEARCH_FIELDS].sort());
    }
  });

  it('gives a person’s name, contact details and tags, one entry per line', () => {
    const text = searchTextOf(recordOf('person', {
      firstName: 'Zoë', lastName: 'Smith', jobTitle: 'Buyer', emails: ['zoe@a.com', 'z@b.org'],
      phones: ['+44 20 7946 0958', '06-1234 5678'], tags: ['vip', 'lead'],
    }));
    expect(text.name).toBe('Zoë Smith');
    expect(text.emails.split('\n')).toEqual(['zoe@a.com', 'z@b.org']);
    expect(text.phones.split('\n')).toEqual(['+44 20 7946 0958', '06-1234 5678']);
    expect(text.tags.split('\n')).toEqual(['vip', 'lead']);
    expect(text.extra).toContain('Buyer');
    expect(text.domain).toBe('');
  });

  it('gives an organisation’s domain and a case’s description', () => {
    expect(searchTextOf(recordOf('organisation', { name: 'Acme', domain: 'acme.com' })).domain).toBe('acme.com');
    const text = searchTextOf(recordOf('case', { name: 'Roof', description: 'Leak over the kitchen' }));
    expect([text.name, text.extra]).toEqual(['Roof', 'Leak over the kitchen']);
  });
});
