import { describe, expect, it } from 'vitest';
import { captureFixture, captureHtml } from './pages';

describe('capturing mailto:, tel: and vCard links', () => {
  it('gives a site’s contact page its organisation, with the unclaimed address and number', () => {
    const result = captureFixture('contact-links.html');
    expect(result.organisations).toEqual([{
      name: 'Harbour Bakery',
      domain: 'harbourbakery.example',
      emails: ['orders@harbourbakery.example'],
      phones: ['+442079460000'],
      urls: ['https://www.harbourbakery.example/contact'],
      addresses: [],
      source: 'meta',
    }]);
  });

  it('takes a mailto link named after its address’s owner as a person', () => {
    const { people } = captureFixture('contact-links.html');
    expect(people).toMatchObject([{
      name: 'Mara Quinn', firstName: 'Mara', lastName: 'Quinn',
      emails: ['Mara.Quinn@harbourbakery.example'], source: 'links',
    }]);
  });

  it('records vCard links and ignores javascript: links', () => {
    const result = captureFixture('contact-links.html');
    expect(result.vcardUrls).toEqual(['https://www.harbourbakery.example/cards/harbour.vcf']);
    expect(JSON.stringify(result)).not.toContain('javascript');
  });

  it('offers a nameless contact when a page has only addresses and numbers', () => {
    const result = captureFixture('links-only.html');
    expect(result.organisations).toEqual([]);
    expect(result.people).toEqual([{
      name: '', firstName: '', lastName: '', jobTitle: '', organisationName: '',
      emails: ['desk@quietpress.example', 'editor@quietpress.example'],
      phones: ['01614960000'],
      urls: [], addresses: [], source: 'links',
    }]);
  });

  it('gives unclaimed details to the one person a page describes', () => {
    const result = captureHtml(`<div class="h-card"><span class="p-name">Rui Costa</span></div>
      <footer><a href="mailto:rui@costa.example">Say hello</a> <a href="tel:+351 21 123 4567">Call</a></footer>`);
    expect(result.people).toMatchObject([{ name: 'Rui Costa', emails: ['rui@costa.example'], phones: ['+351211234567'] }]);
  });

  it('finds nothing on a page with no people, organisations or contact links', () => {
    const result = captureFixture('nothing.html');
    expect(result.people).toEqual([]);
    expect(result.organisations).toEqual([]);
    expect(result.vcardUrls).toEqual([]);
    expect(result.page.title).toBe('Sourdough, step by step');
  });
});
