/**
 * The saved person or organisation the popup's page is about: found by search, decided by
 * capture's twin rule (core/quick-capture/page-match.ts). Loaded after the popup paints.
 */
import { findPageRecord, pageQueries } from '../../core/quick-capture/page-match';
import type { OrganisationRecord, PersonRecord } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { candidatesFor } from '../locket-capture/capture-lookup';

export interface PageRecord {
  readonly record: PersonRecord | OrganisationRecord;
  /** A person's organisation's name, '' when none (or for an organisation). */
  readonly organisationName: string;
}

export const lookUpPage = async (services: Pick<LocketServices, 'search' | 'store'>, url: string): Promise<PageRecord | null> => {
  const queries = pageQueries(url);
  if (queries.person.length === 0 && queries.organisation.length === 0) return null;
  const [people, organisations] = await Promise.all([
    candidatesFor(services, queries.person, 'person'),
    candidatesFor(services, queries.organisation, 'organisation'),
  ]);
  const found = findPageRecord(url, [...people, ...organisations]);
  if (!found) return null;
  const { record } = found;
  if (record.kind !== 'person' || record.fields.organisationId === null) return { record, organisationName: '' };
  const organisation = await services.store.get(record.fields.organisationId);
  return { record, organisationName: organisation?.kind === 'organisation' && organisation.deletedAt === null ? organisation.fields.name : '' };
};
