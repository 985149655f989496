/**
 * The record a capture suggests, before the user checks it: captured values in the record's
 * own fields. People captured from a page get "legitimate interests" as their lawful basis,
 * dated today and sourced to the page, which the user can change in the form.
 */
import type { CaptureResult, CapturedOrganisation, CapturedPerson } from '../capture/types';
import type { Consent, OrganisationFields, PersonFields, RecordId } from '../records/types';

/**
 * "Where it was captured from" in words, given by the interface: the page's address or title,
 * or null for a page with neither.
 */
export type CapturedFromText = (place: string | null) => string;

export interface PrefillContext {
  readonly owner: string;
  readonly capturedFrom: CapturedFromText;
  /** ms since the epoch; the consent date is this day in local time. */
  readonly now: number;
  readonly organisationId: RecordId | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of the local calendar day `now` falls on. */
export const localDay = (now: number): string => {
  const date = new Date(now);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The page's own address, else its canonical one: where the user was. */
export const sourceUrlOf = (capture: CaptureResult): string => capture.page.url || capture.page.canonicalUrl;

export const capturedConsent = (capture: CaptureResult, now: number, capturedFrom: CapturedFromText): Consent => ({
  basis: 'legitimate-interests',
  date: localDay(now),
  source: capturedFrom(sourceUrlOf(capture) || capture.page.title || null),
});

/** First and last name as captured, else the full name split at its first space. */
const names = (person: CapturedPerson): Pick<PersonFields, 'firstName' | 'lastName'> => {
  if (person.firstName !== '' || person.lastName !== '') return { firstName: person.firstName, lastName: person.lastName };
  const [first = '', ...rest] = person.name.split(' ');
  return { firstName: first, lastName: rest.join(' ') };
};

export const personFieldsFrom = (person: CapturedPerson, capture: CaptureResult, context: PrefillContext): PersonFields => ({
  ...names(person),
  cadenceDays: null,
  jobTitle: person.jobTitle,
  organisationId: context.organisationId,
  emails: person.emails,
  phones: person.phones,
  websites: person.urls,
  addresses: person.addresses,
  tags: [],
  customFields: [],
  consent: capturedConsent(capture, context.now, context.capturedFrom),
  owner: context.owner,
});

export const organisationFieldsFrom = (organisation: CapturedOrganisation, owner: string): OrganisationFields => ({
  name: organisation.name || organisation.domain,
  domain: organisation.domain,
  emails: organisation.emails,
  phones: organisation.phones,
  websites: organisation.urls,
  addresses: organisation.addresses,
  tags: [],
  customFields: [],
  owner,
});
