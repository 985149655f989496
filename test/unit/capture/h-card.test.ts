import { describe, expect, it } from 'vitest';
import { captureFixture, captureHtml } from './pages';

describe('capturing h-card microformats', () => {
  it('reads a person card with its organisation, email, phone, site and address', () => {
    const [priya] = captureFixture('h-card.html').people;
    expect(priya).toEqual({
      name: 'Priya Raman',
      firstName: 'Priya',
      lastName: 'Raman',
      jobTitle: 'Conservation Architect',
      organisationName: 'Stoneworks Studio',
      emails: ['priya@priya.example'],
      phones: ['+918041234567'],
      urls: ['https://priya.example/'],
      addresses: ['14 Residency Road, 560025 Bengaluru, India'],
      source: 'h-card',
    });
  });

  it('makes a p-org card an organisation and an author card a person', () => {
    const result = captureFixture('h-card.html');
    expect(result.organisations).toMatchObject([{ name: 'Stoneworks Studio', domain: 'stoneworks.example', source: 'h-card' }]);
    expect(result.people.map((person) => person.name)).toEqual(['Priya Raman', 'Sam Whitaker']);
    // The entry's title is the entry's, not the author's.
    expect(result.people.map((person) => person.name)).not.toContain('Restoring lime plaster');
  });

  it('records a vCard link without fetching it', () => {
    expect(captureFixture('h-card.html').vcardUrls).toEqual(['https://fixtures.example/contact.vcf']);
  });

  it('takes a card with no properties by its text, and one named like its org as an organisation', () => {
    const result = captureHtml(`<a class="h-card" href="https://yuki.example/">Yuki Tanaka</a>
      <div class="h-card"><span class="p-name p-org">Copperleaf Ltd</span><span class="p-tel">+81 3 1234 5678</span></div>`);
    expect(result.people).toMatchObject([{ name: 'Yuki Tanaka', urls: ['https://yuki.example/'] }]);
    expect(result.organisations).toMatchObject([{ name: 'Copperleaf Ltd', phones: ['+81312345678'] }]);
  });
});
