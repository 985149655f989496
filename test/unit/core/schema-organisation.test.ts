import { describe, expect, it } from 'vitest';
import { fieldErrors, validFields } from './parse-result';

describe('organisation fields', () => {
  it('needs a name', () => {
    expect(fieldErrors('organisation', { name: '  ' })).toEqual({ name: 'Enter the organisation’s name.' });
    expect(fieldErrors('organisation', {})).toEqual({ name: 'Enter the organisation’s name.' });
  });

  it('fills missing lists and owner with empty values', () => {
    expect(validFields('organisation', { name: ' Acme ' })).toEqual({
      name: 'Acme', domain: '', emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [], owner: '',
    });
  });

  it.each([
    ['example.co.uk', 'example.co.uk'],
    ['Example.COM', 'example.com'],
    ['https://www.example.com/about?x=1', 'www.example.com'],
    ['http://example.org/', 'example.org'],
    [' münchen.de ', 'münchen.de'],
    ['example.com.', 'example.com'],
  ])('reads the domain %j as %j', (typed, stored) => {
    expect(validFields('organisation', { name: 'Acme', domain: typed }).domain).toBe(stored);
  });

  it.each(['not a domain', 'localhost', 'exa_mple.com', '-example.com', 'example.c', 'example.com:8080'])(
    'refuses the domain %j with an example of a good one',
    (domain) => {
      expect(fieldErrors('organisation', { name: 'Acme', domain }).domain).toMatch(/Enter a domain such as example\.co\.uk\.$/);
    },
  );

  it('checks the same contact lists as a person', () => {
    const errors = fieldErrors('organisation', {
      name: 'Acme', emails: ['x@'], phones: ['1'], websites: ['acme.com'], tags: ['t'.repeat(51)],
    });
    expect(Object.keys(errors).sort()).toEqual(['emails', 'phones', 'tags', 'websites']);
  });
});

describe('case fields', () => {
  it('needs a name and defaults to open with no party', () => {
    expect(fieldErrors('case', {})).toEqual({ name: 'Enter the case’s name.' });
    expect(validFields('case', { name: 'Roof repair', partyId: '' }))
      .toEqual({ name: 'Roof repair', description: '', status: 'open', partyId: null, customFields: [], owner: '' });
  });

  it('keeps a closed status and refuses an unknown one', () => {
    expect(validFields('case', { name: 'C', status: 'closed' }).status).toBe('closed');
    expect(fieldErrors('case', { name: 'C', status: 'pending' })).toEqual({ status: 'Choose whether the case is open or closed.' });
  });

  it('limits the description to 10,000 characters', () => {
    expect(fieldErrors('case', { name: 'C', description: 'd'.repeat(10_001) }))
      .toEqual({ description: 'Keep the description to 10,000 characters or fewer.' });
    expect(validFields('case', { name: 'C', description: 'd'.repeat(10_000) }).description).toHaveLength(10_000);
  });
});

describe('note fields', () => {
  it('needs a body and the record it belongs to', () => {
    expect(fieldErrors('note', { body: ' \n ', recordId: ' ' })).toEqual({
      body: 'Write something in the note.',
      recordId: 'Choose the record this note belongs to.',
    });
  });

  it('keeps a captured note with its source', () => {
    expect(validFields('note', { body: 'Met at the fair', recordId: 'r1', sourceUrl: 'https://example.com/team', capturedAt: 1_700_000_000_000 }))
      .toEqual({ body: 'Met at the fair', recordId: 'r1', sourceUrl: 'https://example.com/team', capturedAt: 1_700_000_000_000 });
  });

  it('reads a blank source as none and refuses a non-web source', () => {
    expect(validFields('note', { body: 'b', recordId: 'r1', sourceUrl: '' }).sourceUrl).toBeNull();
    expect(fieldErrors('note', { body: 'b', recordId: 'r1', sourceUrl: 'javascript:alert(1)' }))
      .toEqual({ sourceUrl: 'The source must be a web address starting with http:// or https://.' });
  });

  it('allows a body of 100,000 characters but not more', () => {
    expect(validFields('note', { body: 'n'.repeat(100_000), recordId: 'r1' }).body).toHaveLength(100_000);
    expect(fieldErrors('note', { body: 'n'.repeat(100_001), recordId: 'r1' }))
      .toEqual({ body: 'Keep the note to 100,000 characters or fewer.' });
  });

  it('refuses a capture time that is not a number', () => {
    expect(Object.keys(fieldErrors('note', { body: 'b', recordId: 'r1', capturedAt: 'yesterday' }))).toEqual(['capturedAt']);
    expect(Object.keys(fieldErrors('note', { body: 'b', recordId: 'r1', capturedAt: Number.NaN }))).toEqual(['capturedAt']);
  });
});
