/** The people and organisations a capture offers, and which one to open without asking. */
import type { CaptureResult, CapturedOrganisation, CapturedPerson } from '../capture/types';
import { emailsFromMailto } from '../capture/contact-values';
import type { EntityRef } from './pending';
import { profileKey } from './twins';

export type CapturedEntity =
  | { readonly ref: EntityRef & { readonly kind: 'person' }; readonly person: CapturedPerson }
  | { readonly ref: EntityRef & { readonly kind: 'organisation' }; readonly organisation: CapturedOrganisation };

export const entityAt = (capture: CaptureResult, ref: EntityRef): CapturedEntity | null => {
  if (ref.kind === 'person') {
    const person = capture.people[ref.index];
    return person ? { ref: { kind: 'person', index: ref.index }, person } : null;
  }
  const organisation = capture.organisations[ref.index];
  return organisation ? { ref: { kind: 'organisation', index: ref.index }, organisation } : null;
};

/**
 * What a list row and a form heading call the entity; page text, so always rendered as text.
 * '' when the page gave nothing to name it by, which the capture window words.
 */
export const entityTitle = (entity: CapturedEntity): string => {
  if ('person' in entity) return entity.person.name || entity.person.emails[0] || entity.person.phones[0] || '';
  return entity.organisation.name || entity.organisation.domain;
};

/** The one person a captured link points at: its mailto address or its profile address. */
const personForLink = (capture: CaptureResult, linkUrl: string): number => {
  if (linkUrl === '') return -1;
  const emails = new Set(/^mailto:/i.test(linkUrl) ? emailsFromMailto(linkUrl).map((email) => email.toLowerCase()) : []);
  const profile = profileKey(linkUrl);
  const matches = capture.people.flatMap((person, index) =>
    person.emails.some((email) => emails.has(email.toLowerCase()))
      || (profile !== '' && person.urls.some((url) => profileKey(url) === profile)) ? [index] : []);
  return matches.length === 1 ? matches[0] ?? -1 : -1;
};

/**
 * Opens straight onto a form when the capture leaves no choice (one person, or no one and
 * one organisation) or the link the user captured from names one person; else the list.
 */
export const initialEntity = (capture: CaptureResult, linkUrl: string): EntityRef | null => {
  const linked = personForLink(capture, linkUrl);
  if (linked !== -1) return { kind: 'person', index: linked };
  if (capture.people.length === 1) return { kind: 'person', index: 0 };
  if (capture.people.length === 0 && capture.organisations.length === 1) return { kind: 'organisation', index: 0 };
  return null;
};
