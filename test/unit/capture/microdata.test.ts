import { describe, expect, it } from 'vitest';
import { captureFixture, captureHtml } from './pages';

describe('capturing schema.org microdata', () => {
  it('reads a person item, resolving relative links against the page’s base', () => {
    const { people } = captureFixture('microdata-person.html');
    expect(people).toEqual([{
      name: 'Tomás Ibarra',
      firstName: 'Tomás',
      lastName: 'Ibarra',
      jobTitle: 'Principal Engineer',
      organisationName: 'Solaria Energía',
      emails: ['tomas.ibarra@solaria.example'],
      phones: ['+34912345678'],
      urls: ['https://conf.example/2025/speakers/tomas-ibarra', 'https://mastodon.example/@tomas'],
      addresses: ['Calle de Alcalá 48, 28014 Madrid, Spain'],
      source: 'microdata',
    }]);
  });

  it('keeps a nested item’s properties to that item', () => {
    const result = captureFixture('microdata-person.html');
    // The Event's name and the organisation's url must not become the person's.
    expect(result.people[0]?.name).toBe('Tomás Ibarra');
    expect(result.people[0]?.urls).not.toContain('https://www.solaria.example/');
    expect(result.organisations).toEqual([{
      name: 'Solaria Energía', domain: 'solaria.example', emails: [], phones: [],
      urls: ['https://www.solaria.example/'], addresses: [], source: 'microdata',
    }]);
  });

  it('gives employees listed inside an organisation item that organisation', () => {
    const result = captureHtml(`<section itemscope itemtype="https://schema.org/Organization">
      <h1 itemprop="name">Kestrel Labs</h1>
      <div itemprop="employee" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ola Nordmann</span></div>
      <div itemprop="member" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Kari Nordmann</span></div>
    </section>`);
    expect(result.people.map((person) => [person.name, person.organisationName])).toEqual([
      ['Ola Nordmann', 'Kestrel Labs'], ['Kari Nordmann', 'Kestrel Labs'],
    ]);
  });
});
