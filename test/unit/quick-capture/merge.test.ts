import { describe, expect, it } from 'vitest';
import { mergeOrganisationFields, mergePersonFields } from '../../../core/quick-capture/merge';
import { emptyFields } from '../../../core/records/validate';

const defaults = { owner: 'Maria', currency: 'EUR' };

describe('updating a record from a capture', () => {
  const existing = {
    ...emptyFields('person', defaults),
    firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst',
    emails: ['ada@engines.example'], phones: ['+44 20 7946 0000'], tags: ['vip'],
    consent: { basis: 'consent' as const, date: '2024-01-01', source: 'Signed form' },
  };
  const captured = {
    ...emptyFields('person', { owner: '', currency: 'EUR' }),
    firstName: 'Ada', lastName: 'King', jobTitle: 'Countess',
    emails: ['ADA@engines.example', 'ada@king.example'], phones: ['+44 20 7946 1111'], websites: ['https://ada.example/'],
    tags: ['VIP', 'speaker'],
    consent: { basis: 'legitimate-interests' as const, date: '2025-03-07', source: 'Captured from https://x.example' },
  };

  it('adds the emails, phones, web addresses and tags it lacks, once each', () => {
    const merged = mergePersonFields(existing, captured);
    expect(merged.emails).toEqual(['ada@engines.example', 'ada@king.example']);
    expect(merged.phones).toEqual(['+44 20 7946 0000', '+44 20 7946 1111']);
    expect(merged.websites).toEqual(['https://ada.example/']);
    expect(merged.tags).toEqual(['vip', 'speaker']);
  });

  it('keeps every single value already recorded, including the lawful basis and owner', () => {
    expect(mergePersonFields(existing, captured)).toMatchObject({
      lastName: 'Lovelace', jobTitle: 'Analyst', owner: 'Maria', consent: existing.consent,
    });
  });

  it('fills what was empty', () => {
    const merged = mergePersonFields({ ...existing, jobTitle: '', consent: null }, captured);
    expect(merged.jobTitle).toBe('Countess');
    expect(merged.consent).toEqual(captured.consent);
  });

  it('does the same for an organisation', () => {
    const org = { ...emptyFields('organisation', defaults), name: 'Engines', domain: 'engines.example', emails: ['hello@engines.example'] };
    const merged = mergeOrganisationFields(org, { ...org, name: 'Analytical Engines', domain: 'other.example', emails: ['sales@engines.example'] });
    expect(merged).toMatchObject({ name: 'Engines', domain: 'engines.example', emails: ['hello@engines.example', 'sales@engines.example'] });
  });
});
