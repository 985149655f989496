import { describe, expect, it } from 'vitest';
import { captureFixture, captureHtml } from './pages';

describe('capturing schema.org JSON-LD', () => {
  it('reads a person from a @graph with every field a contact form needs', () => {
    const result = captureFixture('json-ld-person.html');
    expect(result.people).toEqual([{
      name: 'Dr. Ada Okafor',
      firstName: 'Ada',
      lastName: 'Okafor',
      jobTitle: 'Head of Data',
      organisationName: 'Northwind Analytics Ltd',
      emails: ['ada.okafor@northwind.example'],
      phones: ['+442079460123'],
      urls: [
        'https://northwind.example/people/ada-okafor',
        'https://www.linkedin.com/in/ada-okafor-example',
        'https://github.com/ada-okafor-example',
      ],
      addresses: ['12 Harbour Row, BS1 5TT Bristol, United Kingdom'],
      source: 'json-ld',
    }]);
  });

  it('finds the organisation a worksFor reference points at, with its domain', () => {
    const [organisation, ...others] = captureFixture('json-ld-person.html').organisations;
    expect(others).toEqual([]);
    expect(organisation).toMatchObject({
      name: 'Northwind Analytics Ltd', domain: 'northwind.example', phones: ['+442079460000'], source: 'json-ld',
    });
  });

  it('reads the page’s own metadata alongside', () => {
    expect(captureFixture('json-ld-person.html').page).toEqual({
      url: 'https://fixtures.example/capture/page.html',
      title: 'Ada Okafor, Head of Data',
      siteName: 'Northwind Analytics',
      canonicalUrl: 'https://northwind.example/people/ada-okafor',
      author: 'Northwind Analytics',
    });
  });

  it('lists an organisation’s founder and employees as its people, merging the same person', () => {
    const result = captureFixture('json-ld-organisation.html');
    const byName = new Map(result.people.map((person) => [person.name, person]));
    expect([...byName.keys()].sort()).toEqual(['Ingrid Solberg', 'Lars Haugen', 'Mette Dahl', 'Sigrid Berg']);
    for (const person of result.people) expect(person.organisationName).toBe('Fjord & Field Cooperative');
    // Lars appears twice in the employee list: one contact with both details.
    expect(byName.get('Lars Haugen')).toMatchObject({
      jobTitle: 'Head of Operations', emails: ['lars@fjordfield.example'], phones: ['+4755123457'],
    });
    expect(byName.get('Mette Dahl')).toMatchObject({ firstName: 'Mette', lastName: 'Dahl' });
  });

  it('gathers the organisation’s contact points, address and links into one organisation', () => {
    const { organisations } = captureFixture('json-ld-organisation.html');
    expect(organisations).toHaveLength(1);
    expect(organisations[0]).toMatchObject({
      name: 'Fjord & Field Cooperative',
      domain: 'fjordfield.example',
      emails: ['hello@fjordfield.example', 'sales@fjordfield.example'],
      phones: expect.arrayContaining(['+4755123456']),
      urls: ['https://fjordfield.example/about', 'https://www.facebook.com/fjordfield.example'],
      addresses: ['Strandgata 4, 5013 Bergen, Norway'],
    });
  });

  it('takes an article’s author as a person', () => {
    const result = captureHtml(`<script type="application/ld+json">
      {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Kofi Mensah", "url": "/authors/kofi"}]}
    </script>`);
    expect(result.people).toMatchObject([{ name: 'Kofi Mensah', urls: ['https://fixtures.example/authors/kofi'] }]);
  });

  it('accepts full type URLs and prefixed types', () => {
    const result = captureHtml(`<script type="application/ld+json; charset=utf-8">
      [{"@type": "http://schema.org/Person", "name": "Lena Vogel"}, {"@type": ["schema:LocalBusiness"], "name": "Vogel Bäckerei"}]
    </script>`);
    expect(result.people.map((person) => person.name)).toEqual(['Lena Vogel']);
    expect(result.organisations.map((organisation) => organisation.name)).toEqual(['Vogel Bäckerei']);
  });

  it('ignores JSON in scripts of other types', () => {
    expect(captureFixture('nothing.html').people).toEqual([]);
  });
});
