import { describe, expect, it } from 'vitest';
import { findPageRecord, pageQueries } from '../../../core/quick-capture/page-match';
import { organisation, person } from './test-records';

describe('the saved record a page is about', () => {
  const anna = person({ firstName: 'Anna', lastName: 'Schmidt', websites: ['https://www.linkedin.com/in/anna-schmidt/'] });
  const bob = person({ firstName: 'Bob', lastName: 'Brown', websites: ['https://www.linkedin.com/in/bob-brown'] });
  const mueller = organisation({ name: 'Müller GmbH', domain: 'mueller.example' });
  const studio = organisation({ name: 'Studio', websites: ['https://pages.example/studio'] });

  it('is the person whose profile address is the page, written another way', () => {
    const found = findPageRecord('http://linkedin.com/in/Anna-Schmidt?trk=feed#about', [bob, mueller, anna]);
    expect(found?.record.id).toBe(anna.id);
    expect(found?.match.by).toBe('profile');
  });

  it('is the organisation of the page’s domain, on any of its pages', () => {
    expect(findPageRecord('https://www.mueller.example/team/contact', [anna, mueller])?.record.id).toBe(mueller.id);
  });

  it('is the organisation whose website is the page', () => {
    expect(findPageRecord('https://pages.example/studio/', [studio, anna])?.record.id).toBe(studio.id);
  });

  it('is nobody for another person’s profile on the same site, nor for a person by domain alone', () => {
    expect(findPageRecord('https://www.linkedin.com/in/someone-else', [anna, bob])).toBeNull();
    expect(findPageRecord('https://www.linkedin.com/', [anna, bob])).toBeNull();
  });

  it('is nobody in the trash, and nobody on pages that are not web pages', () => {
    const gone = person({ websites: ['https://gone.example/me'] }, 5);
    expect(findPageRecord('https://gone.example/me', [gone])).toBeNull();
    expect(findPageRecord('chrome-extension://abc/popup.html', [anna, mueller])).toBeNull();
    expect(findPageRecord('about:blank', [anna, mueller])).toBeNull();
    expect(pageQueries('chrome://settings')).toEqual({ person: [], organisation: [] });
  });

  it('searches by the page’s host, as capture does for a profile', () => {
    expect(pageQueries('https://www.linkedin.com/in/anna-schmidt')).toEqual({ person: ['linkedin.com'], organisation: ['linkedin.com'] });
    // An address with a port is also searched as the search stores it: host and port together.
    expect(pageQueries('http://127.0.0.1:4567/me.html').person).toEqual(['127.0.0.1', '127.0.0.1:4567']);
  });
});
