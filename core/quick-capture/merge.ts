/**
 * Updating a record from a capture adds what is new and keeps what is there: lists gain
 * the captured values they lack (compared without regard to case), and a captured single
 * value only fills a field that was empty. Nothing the user recorded is overwritten.
 */
import { uniqueIgnoringCase } from '../records/field-rules';
import type { CustomField, OrganisationFields, PersonFields } from '../records/types';

const union = (existing: readonly string[], incoming: readonly string[]): readonly string[] =>
  uniqueIgnoringCase([...existing, ...incoming]);

const fill = (existing: string, incoming: string): string => (existing.trim() === '' ? incoming : existing);

const mergeCustomFields = (existing: readonly CustomField[], incoming: readonly CustomField[]): readonly CustomField[] => {
  const names = new Set(existing.map((field) => field.name.toLowerCase()));
  return [...existing, ...incoming.filter((field) => !names.has(field.name.toLowerCase()))];
};

type ContactLists = 'emails' | 'phones' | 'websites' | 'addresses' | 'tags';

const mergeLists = <F extends Pick<PersonFields, ContactLists | 'customFields'>>(existing: F, incoming: F) => ({
  emails: union(existing.emails, incoming.emails),
  phones: union(existing.phones, incoming.phones),
  websites: union(existing.websites, incoming.websites),
  addresses: union(existing.addresses, incoming.addresses),
  tags: union(existing.tags, incoming.tags),
  customFields: mergeCustomFields(existing.customFields, incoming.customFields),
});

export const mergePersonFields = (existing: PersonFields, incoming: PersonFields): PersonFields => ({
  ...existing,
  firstName: fill(existing.firstName, incoming.firstName),
  lastName: fill(existing.lastName, incoming.lastName),
  jobTitle: fill(existing.jobTitle, incoming.jobTitle),
  organisationId: existing.organisationId ?? incoming.organisationId,
  consent: existing.consent ?? incoming.consent,
  ...mergeLists(existing, incoming),
});

export const mergeOrganisationFields = (existing: OrganisationFields, incoming: OrganisationFields): OrganisationFields => ({
  ...existing,
  name: fill(existing.name, incoming.name),
  domain: fill(existing.domain, incoming.domain),
  ...mergeLists(existing, incoming),
});
