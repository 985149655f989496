/**
 * Whether a captured person or organisation is already in Locket, decided on exact values
 * (an email address, a profile address, a domain) among candidates a search found. Names
 * alone never make a twin: two people may share one.
 */
import { nameKey } from '../capture/text';
import { normaliseDomain } from '../records/field-rules';
import type { LocketRecord, OrganisationRecord, PersonRecord } from '../records/types';

/** The exact value that makes a twin: the UI puts it in the owner's words. */
export interface TwinMatch {
  readonly by: 'email' | 'profile' | 'domain';
  readonly value: string;
}

export interface Twin<R extends LocketRecord> {
  readonly record: R;
  readonly match: TwinMatch;
  /** Why it is the same one, for logs and tests: "same email ada@example.com". */
  readonly reason: string;
}

const twin = <R extends LocketRecord>(record: R, by: TwinMatch['by'], value: string): Twin<R> =>
  ({ record, match: { by, value }, reason: `same ${by} ${value}` });

/** "https://WWW.Example.com/in/Ada/?x#y" and "http://example.com/in/ada" are the same profile. */
export const profileKey = (url: string): string => {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return '';
  }
};

/** "www.example.com" and "Example.com." are the same domain. */
export const domainKey = (domain: string): string => normaliseDomain(domain).replace(/^www\./, '');

const isLive = (record: LocketRecord): boolean => record.deletedAt === null;

const lowerSet = (values: readonly string[]): ReadonlySet<string> => new Set(values.map((value) => value.toLowerCase()));

export interface PersonKeys {
  readonly emails: readonly string[];
  readonly websites: readonly string[];
}

export const findPersonTwin = (captured: PersonKeys, candidates: readonly LocketRecord[]): Twin<PersonRecord> | null => {
  const people = candidates.filter((record): record is PersonRecord => record.kind === 'person' && isLive(record));
  const emails = lowerSet(captured.emails);
  for (const record of people) {
    const shared = record.fields.emails.find((email) => emails.has(email.toLowerCase()));
    if (shared !== undefined) return twin(record, 'email', shared);
  }
  const profiles = new Set(captured.websites.map(profileKey).filter((key) => key !== ''));
  for (const record of people) {
    const shared = record.fields.websites.find((url) => profiles.has(profileKey(url)));
    if (shared !== undefined) return twin(record, 'profile', shared);
  }
  return null;
};

/** The host of an address as a domain: "https://www.example.com:8443/x" is "example.com". */
export const hostOf = (url: string): string => domainKey(url.replace(/^https?:\/\//i, '').replace(/:\d+(?=[/?#]|$)/, ''));

/** An organisation's domain, else the host of its first website. */
const organisationDomain = (record: OrganisationRecord): string =>
  domainKey(record.fields.domain) || hostOf(record.fields.websites[0] ?? '');

export const findOrganisationTwin = (domain: string, candidates: readonly LocketRecord[]): Twin<OrganisationRecord> | null => {
  const wanted = domainKey(domain);
  if (wanted === '') return null;
  const record = candidates.find((candidate): candidate is OrganisationRecord =>
    candidate.kind === 'organisation' && isLive(candidate) && organisationDomain(candidate) === wanted);
  return record ? twin(record, 'domain', wanted) : null;
};

/** The organisation a captured person works for, by its domain or else by its name written the same way. */
export const findEmployer = (
  name: string, domain: string, candidates: readonly LocketRecord[],
): OrganisationRecord | null => {
  const byDomain = findOrganisationTwin(domain, candidates);
  if (byDomain) return byDomain.record;
  const wanted = nameKey(name);
  if (wanted === '') return null;
  return candidates.find((candidate): candidate is OrganisationRecord =>
    candidate.kind === 'organisation' && isLive(candidate) && nameKey(candidate.fields.name) === wanted) ?? null;
};

const MAX_QUERIES = 8;

/** What to search for to find a person's possible twins: their addresses, name and profile hosts. */
export const personTwinQueries = (name: string, captured: PersonKeys): string[] => {
  const queries = [...captured.emails, name, ...captured.websites.map(hostOf)];
  return [...new Set(queries.map((query) => query.trim()).filter((query) => query !== ''))].slice(0, MAX_QUERIES);
};
