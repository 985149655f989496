/** The organisation a captured person is linked to when the form leaves their organisation empty. */
import { nameKey } from '../../core/capture/text';
import type { CaptureResult, CapturedOrganisation } from '../../core/capture/types';
import type { CapturedEntity } from '../../core/quick-capture/entities';
import { organisationFieldsFrom } from '../../core/quick-capture/prefill';
import type { OrganisationRecord } from '../../core/records/types';
import type { OrganisationLink } from './capture-save';

/** An organisation known only by the name a person's card gave. */
const byNameOnly = (name: string): CapturedOrganisation =>
  ({ name, domain: '', emails: [], phones: [], urls: [], addresses: [], source: 'meta' });

/**
 * The one Locket has (found by domain or the same name), else a new one made from what
 * the page says about it; null when the person's card names no organisation.
 */
export const organisationLinkFor = (
  capture: CaptureResult,
  entity: CapturedEntity,
  employer: OrganisationRecord | null,
): OrganisationLink | null => {
  if (!('person' in entity) || entity.person.organisationName === '') return null;
  if (employer) return { existingId: employer.id, create: null };
  const name = entity.person.organisationName;
  const described = capture.organisations.find((organisation) => nameKey(organisation.name) === nameKey(name));
  return { existingId: null, create: organisationFieldsFrom(described ?? byNameOnly(name), '') };
};
