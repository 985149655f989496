/**
 * What Locket already holds about a captured person or organisation: a twin to offer for
 * update, and for a person the organisation they work for. Found by search, decided on
 * exact values (core/quick-capture/twins.ts).
 */
import { nameKey } from '../../core/capture/text';
import type { CaptureResult } from '../../core/capture/types';
import type { CapturedEntity } from '../../core/quick-capture/entities';
import { findEmployer, findOrganisationTwin, findPersonTwin, personTwinQueries, type Twin } from '../../core/quick-capture/twins';
import type { LocketRecord, OrganisationRecord, PersonRecord, RecordKind } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';

export interface Lookup {
  readonly twin: Twin<PersonRecord> | Twin<OrganisationRecord> | null;
  /** The organisation a captured person works for, when Locket has it. */
  readonly employer: OrganisationRecord | null;
}

export const NOTHING_FOUND: Lookup = { twin: null, employer: null };

/** Hits per query: a twin shares an exact value with the capture, so it ranks near the top. */
const HITS_PER_QUERY = 20;

type Services = Pick<LocketServices, 'search' | 'store'>;

/** The records of `kind` that a search for any of `queries` finds (the search scans while its index builds). */
export const candidatesFor = async (services: Services, queries: readonly string[], kind: RecordKind): Promise<LocketRecord[]> => {
  const hits = await Promise.all(queries.map((query) => services.search(query, { kinds: [kind], limit: HITS_PER_QUERY })));
  const ids = [...new Set(hits.flat().map((hit) => hit.id))];
  return ids.length === 0 ? [] : services.store.getMany(ids);
};

/** The domain of the organisation the capture itself describes under that name, if any. */
const capturedDomainOf = (capture: CaptureResult, organisationName: string): string => {
  const key = nameKey(organisationName);
  return capture.organisations.find((organisation) => nameKey(organisation.name) === key)?.domain ?? '';
};

const distinct = (values: readonly string[]): string[] => [...new Set(values.filter((value) => value.trim() !== ''))];

export const lookUp = async (services: Services, capture: CaptureResult, entity: CapturedEntity): Promise<Lookup> => {
  if ('organisation' in entity) {
    const { name, domain } = entity.organisation;
    const candidates = await candidatesFor(services, distinct([domain, name]), 'organisation');
    return { twin: findOrganisationTwin(domain, candidates), employer: null };
  }
  const { person } = entity;
  const keys = { emails: person.emails, websites: person.urls };
  const employerName = person.organisationName;
  const employerDomain = employerName === '' ? '' : capturedDomainOf(capture, employerName);
  const [people, organisations] = await Promise.all([
    candidatesFor(services, personTwinQueries(person.name, keys), 'person'),
    employerName === '' ? [] : candidatesFor(services, distinct([employerName, employerDomain]), 'organisation'),
  ]);
  return {
    twin: findPersonTwin(keys, people),
    employer: employerName === '' ? null : findEmployer(employerName, employerDomain, organisations),
  };
};
