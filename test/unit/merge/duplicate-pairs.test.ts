import { describe, expect, it } from 'vitest';
import { createPairFinder, editDistance, pairKey } from '../../../core/merge/duplicate-pairs';
import { emptyFields } from '../../../core/records/validate';
import type { LocketRecord, OrganisationFields, PersonFields } from '../../../core/records/types';

const DEFAULTS = { currency: 'EUR', owner: '' };
let next = 0;
const id = () => `0190000${String(++next).padStart(5, '0')}`;
const meta = { createdAt: 0, updatedAt: 0, deletedAt: null };
const personRecord = (firstName: string, lastName: string, extra: Partial<PersonFields> = {}): LocketRecord =>
  ({ id: id(), kind: 'person', ...meta, fields: { ...emptyFields('person', DEFAULTS), firstName, lastName, ...extra } });
const organisationRecord = (name: string, extra: Partial<OrganisationFields> = {}): LocketRecord =>
  ({ id: id(), kind: 'organisation', ...meta, fields: { ...emptyFields('organisation', DEFAULTS), name, ...extra } });

const findPairs = (records: readonly LocketRecord[], kind: 'person' | 'organisation' = 'person', dismissed: readonly string[] = []) => {
  const finder = createPairFinder(kind);
  for (const record of records) finder.add(record);
  return finder.pairs(new Set(dismissed));
};

describe('duplicate pair finding', () => {
  it('pairs people by a shared email whatever its case, and by a shared profile address', () => {
    const a = personRecord('Anna', 'Schmidt', { emails: ['Anna@Example.com'] });
    const b = personRecord('A.', 'S.', { emails: ['anna@example.com'] });
    const c = personRecord('Bob', 'Baker', { websites: ['https://www.linkedin.com/in/bobbaker/'] });
    const d = personRecord('Robert', 'Baker', { websites: ['http://linkedin.com/in/bobbaker'] });
    expect(findPairs([a, b, c, d])).toEqual([
      { ids: [a.id, b.id], reason: 'same-email' },
      { ids: [c.id, d.id], reason: 'same-profile' },
    ]);
  });

  it('tells the same name at the same organisation from the same name alone, and finds names one typo apart', () => {
    const org = organisationRecord('Acme');
    const a = personRecord('Anna', 'Schmidt', { organisationId: org.id });
    const b = personRecord('anna', 'SCHMIDT', { organisationId: org.id });
    const c = personRecord('Jo', 'Lee');
    const d = personRecord('Jo', 'Lee');
    const e = personRecord('Margarethe', 'Müller');
    const f = personRecord('Margarete', 'Muller');
    const pairs = findPairs([a, b, c, d, e, f, personRecord('Zoe', 'Quinn')]);
    expect(pairs).toEqual([
      { ids: [a.id, b.id], reason: 'same-name-and-organisation' },
      { ids: [c.id, d.id], reason: 'same-name' },
      { ids: [e.id, f.id], reason: 'similar-name' },
    ]);
  });

  it('does not pair short names that differ, nor people a shared mailbox joins in numbers', () => {
    const shared = Array.from({ length: 20 }, (_, index) => personRecord(String.fromCharCode(65 + index).repeat(6), String.fromCharCode(97 + index).repeat(6), { emails: ['info@shop.example'] }));
    expect(findPairs([personRecord('Al', 'Li'), personRecord('Al', 'Lu'), ...shared])).toEqual([]);
  });

  it('pairs organisations by domain and leaves out pairs marked "Not duplicates" and other kinds', () => {
    const a = organisationRecord('Acme', { domain: 'acme.example' });
    const b = organisationRecord('Acme Limited', { domain: 'acme.example' });
    const c = organisationRecord('Globex');
    const d = organisationRecord('Globex');
    const person = personRecord('Acme', '');
    expect(findPairs([a, b, c, d, person], 'organisation')).toEqual([
      { ids: [a.id, b.id], reason: 'same-domain' },
      { ids: [c.id, d.id], reason: 'same-name' },
    ]);
    expect(findPairs([a, b, c, d], 'organisation', [pairKey(d.id, c.id)])).toEqual([{ ids: [a.id, b.id], reason: 'same-domain' }]);
  });

  it('finds a similar pair among many names sorting between them, by the last word', () => {
    const a = personRecord('Anna', 'Schmidt');
    const between = Array.from({ length: 30 }, (_, index) => personRecord(`Anna${String.fromCharCode(97 + (index % 26))}x`, `Other${index}`));
    const b = personRecord('Annah', 'Schmidt');
    expect(findPairs([a, ...between, b])).toContainEqual({ ids: [a.id, b.id], reason: 'similar-name' });
  });

  it('measures edit distance and gives up past the limit', () => {
    expect(editDistance('schmidt', 'schmitt', 2)).toBe(1);
    expect(editDistance('anna', 'hanna', 1)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
