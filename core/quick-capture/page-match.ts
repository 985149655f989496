/**
 * Which saved person or organisation the page open in the browser is about, by the rule
 * capture uses for twins (twins.ts): a person whose profile address is this page's, else an
 * organisation whose website is this page, else an organisation whose domain is the page's.
 * Only web pages are matched; a person is never matched by the page's domain alone (many
 * people share a site).
 */
import type { LocketRecord, OrganisationRecord, PersonRecord } from '../records/types';
import { findOrganisationTwin, findPersonTwin, hostOf, personTwinQueries, profileKey, type Twin } from './twins';

export type PageTwin = Twin<PersonRecord> | Twin<OrganisationRecord>;

/** The address when it is a web page (http or https), else '' (the browser's own pages, files, Locket's). */
export const webAddress = (url: string): string => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : '';
  } catch {
    return '';
  }
};

/** The host with its port ("127.0.0.1:8080"), which the search reads an address as; '' when it has no port. */
const hostWithPort = (address: string): string => {
  const { host, port } = new URL(address);
  return port === '' ? '' : host.toLowerCase();
};

/**
 * What to search for to find the page's possible records, per kind: the page's domain, as
 * capture searches for a profile's, and the host with its port when it has one (a domain
 * alone, such as an address on this computer, would not find a website stored with its port).
 */
export const pageQueries = (url: string): { readonly person: string[]; readonly organisation: string[] } => {
  const address = webAddress(url);
  if (address === '') return { person: [], organisation: [] };
  const withPort = hostWithPort(address);
  const distinct = (queries: readonly string[]) => [...new Set(queries.filter((query) => query !== ''))];
  return {
    person: distinct([...personTwinQueries('', { emails: [], websites: [address] }), withPort]),
    organisation: distinct([hostOf(address), withPort]),
  };
};

const organisationByWebsite = (url: string, candidates: readonly LocketRecord[]): Twin<OrganisationRecord> | null => {
  const key = profileKey(url);
  for (const record of candidates) {
    if (record.kind !== 'organisation' || record.deletedAt !== null) continue;
    const shared = record.fields.websites.find((website) => profileKey(website) === key);
    if (shared !== undefined) return { record, match: { by: 'profile', value: shared }, reason: `same profile ${shared}` };
  }
  return null;
};

/** The record the page at `url` is about among candidates a search found, or null. */
export const findPageRecord = (url: string, candidates: readonly LocketRecord[]): PageTwin | null => {
  const address = webAddress(url);
  if (address === '' || profileKey(address) === '') return null;
  return findPersonTwin({ emails: [], websites: [address] }, candidates)
    ?? organisationByWebsite(address, candidates)
    ?? findOrganisationTwin(hostOf(address), candidates);
};
