/**
 * The fields a person keeps as an organisation and back. What has no place on the other kind
 * (a person's job title, organisation and consent; nothing of an organisation's) stays on the
 * original record, which goes to the trash, so undo or a restore from the trash brings it back.
 */
import type { FieldsByKind } from '../records/types';
import { domainKey } from '../quick-capture/twins';
import { uniteList } from './merge-fields';
import type { PartyKind } from './contract';

export const otherPartyKind = (kind: PartyKind): PartyKind => (kind === 'person' ? 'organisation' : 'person');

const shared = (fields: FieldsByKind[PartyKind]) => ({
  emails: fields.emails, phones: fields.phones, websites: fields.websites, addresses: fields.addresses,
  tags: fields.tags, customFields: fields.customFields, owner: fields.owner,
});

export const personAsOrganisation = (person: FieldsByKind['person']): Record<string, unknown> =>
  ({ ...shared(person), name: `${person.firstName} ${person.lastName}`.trim(), domain: '' });

/** "Schmidt & Partner" becomes first name "Schmidt &", last name "Partner": the last word is taken as the family name. */
export const organisationAsPerson = (organisation: FieldsByKind['organisation']): Record<string, unknown> => {
  const words = organisation.name.trim().split(/\s+/);
  const lastName = words.length > 1 ? words.pop() ?? '' : '';
  const domain = domainKey(organisation.domain);
  const websites = domain === '' ? organisation.websites : uniteList('websites', organisation.websites, [`https://${domain}`]);
  return {
    ...shared(organisation), websites, firstName: words.join(' '), lastName, jobTitle: '', organisationId: null, consent: null,
  };
};
