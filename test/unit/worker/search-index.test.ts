import { describe, expect, it } from 'vitest';
import type { LocketRecord } from '../../../core/records/types';
import { createSearchIndex } from '../../../worker/search-index';
import { aCase, aNote, anOrganisation, aPerson, titles } from './harness';

const annabel = aPerson('Annabel', 'Lee', {
  emails: ['annabel.lee@example.com'], phones: ['+44 20 7946 0958'], tags: ['vip'], jobTitle: 'Buyer',
});
const annaSmith = aPerson('Anna', 'Smith', { emails: ['anna@smith-family.org'], tags: ['newsletter'] });
const annaJones = aPerson('Anna', 'Jones', { emails: ['a.jones@acme.co.uk'] });
const bobSmith = aPerson('Bob', 'Smith', { emails: ['bob@example.com'], tags: ['vip'] });
const zoe = aPerson('Zoë', 'O’Brien', { phones: ['030 1234 5678'] });
const acme = anOrganisation('Acme Ltd', { domain: 'acme.co.uk', emails: ['info@acme.co.uk'], tags: ['supplier'] });
const annexCase = aCase('Annex renovation');
const everyone = [annabel, annaSmith, annaJones, bobSmith, zoe, acme, annexCase];

const indexOf = (records: readonly LocketRecord[] = everyone) => {
  const index = createSearchIndex();
  index.upsertMany(records);
  return index;
};

describe('search index', () => {
  it('finds records by the start of any word of their name', () => {
    const index = indexOf();
    expect(titles(index.search('ann'))).toEqual(expect.arrayContaining(['Annabel Lee', 'Anna Smith', 'Anna Jones', 'Annex renovation']));
    expect(titles(index.search('ann'))).not.toContain('Bob Smith');
    expect(titles(index.search('smi'))).toEqual(expect.arrayContaining(['Anna Smith', 'Bob Smith']));
  });

  it('requires every word of the query to match', () => {
    expect(titles(indexOf().search('anna smith'))).toEqual(['Anna Smith']);
    expect(titles(indexOf().search('anna sm'))).toEqual(['Anna Smith']);
    expect(indexOf().search('anna nobody')).toEqual([]);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(indexOf().search('')).toEqual([]);
    expect(indexOf().search('   ')).toEqual([]);
    expect(indexOf().search('@ . -')).toEqual([]);
  });

  it('finds people by email address, its local part or its domain', () => {
    const index = indexOf();
    expect(titles(index.search('annabel.lee@example.com'))).toEqual(['Annabel Lee']);
    expect(titles(index.search('annabel.lee'))).toEqual(['Annabel Lee']);
    expect(titles(index.search('@example.com')).sort()).toEqual(['Annabel Lee', 'Bob Smith']);
    expect(titles(index.search('info@acme'))).toEqual(['Acme Ltd']);
  });

  it('finds records by tag, domain and phone number however it is punctuated', () => {
    const index = indexOf();
    expect(titles(index.search('vip')).sort()).toEqual(['Annabel Lee', 'Bob Smith']);
    expect(titles(index.search('acme.co.uk'))).toEqual(expect.arrayContaining(['Acme Ltd', 'Anna Jones']));
    expect(titles(index.search('+44 20 7946'))).toEqual(['Annabel Lee']);
    expect(titles(index.search('020-7946-0958'))).toEqual([]);
    expect(titles(index.search('030-1234-5678'))).toEqual(['Zoë O’Brien']);
    expect(titles(index.search('7946'))).toEqual(['Annabel Lee']);
  });

  it('ignores case and accents, and forgives one typo in longer words', () => {
    const index = indexOf();
    expect(titles(index.search('ZOE'))).toEqual(['Zoë O’Brien']);
    expect(titles(index.search('obrien'))).toEqual(['Zoë O’Brien']);
    expect(titles(index.search('anabel'))).toEqual(['Annabel Lee']);
    // Three letters are a prefix, never a typo: "bib" must not find "Bob".
    expect(index.search('bib')).toEqual([]);
  });

  it('ranks a name match above a match in other fields', () => {
    const buyer = aPerson('Carla', 'Buyer');
    const index = indexOf([annabel, buyer]);
    expect(titles(index.search('buyer'))).toEqual(['Carla Buyer', 'Annabel Lee']);
  });

  it('lists equally good matches alphabetically, also when the limit cuts them short', () => {
    const index = indexOf([aPerson('Anna', 'Zeller'), aPerson('Anna', 'Adams'), aPerson('Anna', 'Meyer')]);
    expect(titles(index.search('anna'))).toEqual(['Anna Adams', 'Anna Meyer', 'Anna Zeller']);
    expect(titles(index.search('anna', { limit: 1 }))).toEqual(['Anna Adams']);
  });

  it('looks for one-letter terms in names only and two-letter terms not in descriptive text', () => {
    const index = indexOf([aPerson('Bob', 'Miller', { jobTitle: 'Accountant', tags: ['ab-test'] }), aPerson('Al', 'Jones')]);
    expect(titles(index.search('a'))).toEqual(['Al Jones']);
    expect(titles(index.search('ab'))).toEqual(['Bob Miller']);
    expect(index.search('ac')).toEqual([]);
    expect(titles(index.search('acc'))).toEqual(['Bob Miller']);
  });

  it('filters by kind and honours the limit', () => {
    const index = indexOf();
    expect(index.search('ann', { kinds: ['case'] })).toEqual([
      { id: annexCase.id, kind: 'case', title: 'Annex renovation', subtitle: 'open' },
    ]);
    expect(titles(index.search('acme', { kinds: ['organisation'] }))).toEqual(['Acme Ltd']);
    expect(index.search('ann', { limit: 2 })).toHaveLength(2);
  });

  it('returns what a hit needs to render: id, kind, title and subtitle', () => {
    expect(indexOf().search('annabel')).toEqual([
      { id: annabel.id, kind: 'person', title: 'Annabel Lee', subtitle: 'Buyer' },
    ]);
  });

  it('leaves out notes and trashed records, and forgets removed ones', () => {
    const trashed = { ...aPerson('Annika', 'Gone'), deletedAt: 1 };
    const index = indexOf([annabel, trashed, aNote('Annual review with Annabel', annabel.id)]);
    expect(titles(index.search('ann'))).toEqual(['Annabel Lee']);
    expect(index.size()).toBe(1);

    index.remove(annabel.id);
    expect(index.search('ann')).toEqual([]);
    expect(index.size()).toBe(0);
  });

  it('replaces a record when it changes and drops it when it moves to the trash', () => {
    const index = indexOf([annabel]);
    const renamed = { ...annabel, fields: { ...annabel.fields, firstName: 'Mabel', emails: ['mabel@example.com'] } };
    index.upsert(renamed);
    expect(index.search('annabel')).toEqual([]);
    expect(titles(index.search('mabel'))).toEqual(['Mabel Lee']);
    expect(index.size()).toBe(1);

    index.upsert({ ...renamed, deletedAt: 5 });
    expect(index.search('mabel')).toEqual([]);
    expect(index.size()).toBe(0);
  });
});
