import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../../core/capture/types';
import { captureFixture, captureHtml } from './pages';

const CARD = 'Greta Lindqvist\nHead of Partnerships\ngreta@lindqvist.example\n+46 8 123 456 78\nhttps://lindqvist.example/greta.';

describe('capturing from the user’s selection', () => {
  it('makes a person of a selected name, address, number and link', () => {
    const result = captureHtml('<p>Nothing structured here.</p>', CARD);
    expect(result.people).toEqual([{
      name: 'Greta Lindqvist', firstName: 'Greta', lastName: 'Lindqvist', jobTitle: '', organisationName: '',
      emails: ['greta@lindqvist.example'], phones: ['+46812345678'],
      urls: ['https://lindqvist.example/greta'], addresses: [], source: 'selection',
    }]);
  });

  it('keeps the selection as text with its line breaks', () => {
    expect(captureHtml('<p></p>', `  ${CARD.replace(/\n/g, '\n\n\n\n')}  `).selection)
      .toBe(CARD.replace(/\n/g, '\n\n'));
  });

  it('puts the person the selection names first, merged with what the page says', () => {
    const result = captureFixture('json-ld-organisation.html', 'Mette Dahl\nBuyer');
    expect(result.people[0]).toMatchObject({ name: 'Mette Dahl', jobTitle: 'Buyer', source: 'json-ld' });
    expect(result.people).toHaveLength(4);
  });

  it('does not make a person of a selection with no name, address or number', () => {
    const result = captureHtml('<p></p>', 'the weather on 2024-05-01 was fine');
    expect(result.people).toEqual([]);
    expect(result.selection).toBe('the weather on 2024-05-01 was fine');
  });

  it('caps the selection and strips markup from it', () => {
    const result = captureHtml('<p></p>', `<script>alert(1)</script>${'word '.repeat(10_000)}`);
    expect(result.selection.length).toBeLessThanOrEqual(CAPTURE_LIMITS.selection);
    expect(result.selection).not.toContain('<script');
  });
});
