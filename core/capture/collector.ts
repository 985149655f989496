/**
 * Gathers people and organisations from every source, cleaning each value on the way in
 * and merging repeats: people by email address or name, organisations by name or domain.
 * Sources are read best first, so on a merge the earlier value of a field wins and the
 * later source only fills what was empty.
 */
import { domainFrom, emailFrom, phoneFrom, webUrlFrom } from './contact-values';
import { cleanText, nameKey, splitName } from './text';
import {
  CAPTURE_LIMITS, type CaptureSource, type CapturedOrganisation, type CapturedPerson,
} from './types';

/** Values as a source found them, before cleaning. */
export interface RawPerson {
  readonly name?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly jobTitle?: string;
  readonly organisationName?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly urls?: readonly string[];
  readonly addresses?: readonly string[];
}

export interface RawOrganisation {
  readonly name?: string;
  /** The organisation's own site: listed first among its web addresses, and gives the domain. */
  readonly website?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly urls?: readonly string[];
  readonly addresses?: readonly string[];
}

export interface CaptureCollector {
  /** The index of the person the values went to, or -1 when they were dropped. */
  readonly addPerson: (raw: RawPerson, source: CaptureSource) => number;
  readonly addOrganisation: (raw: RawOrganisation, source: CaptureSource) => number;
  readonly addToPerson: (index: number, raw: RawPerson) => void;
  readonly addToOrganisation: (index: number, raw: RawOrganisation) => void;
  /** Whether an email address or phone number (as cleaned) is already on someone. */
  readonly hasContact: (cleaned: string) => boolean;
  readonly people: () => readonly CapturedPerson[];
  readonly organisations: () => readonly CapturedOrganisation[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

const cleanList = (values: readonly string[] | undefined, clean: (value: string) => string): string[] =>
  (values ?? []).slice(0, CAPTURE_LIMITS.listItems * 4).map(clean).filter((value) => value !== '');

/** Adds values not yet present (ignoring case), up to the list limit. */
const mergeInto = (target: string[], values: readonly string[]): void => {
  for (const value of values) {
    if (target.length >= CAPTURE_LIMITS.listItems) return;
    const lower = value.toLowerCase();
    if (!target.some((existing) => existing.toLowerCase() === lower)) target.push(value);
  }
};

const mergeLists = (
  target: Mutable<CapturedPerson> | Mutable<CapturedOrganisation>,
  from: CapturedPerson | CapturedOrganisation,
): void => {
  mergeInto(target.emails, from.emails);
  mergeInto(target.phones, from.phones);
  mergeInto(target.urls, from.urls);
  mergeInto(target.addresses, from.addresses);
};

const name = (raw: string | undefined): string => cleanText(raw ?? '', CAPTURE_LIMITS.name);

/** A snapshot the caller can keep: later merges must not change what it was handed. */
const snapshot = <T extends CapturedPerson | CapturedOrganisation>(party: T): T => ({
  ...party, emails: [...party.emails], phones: [...party.phones], urls: [...party.urls], addresses: [...party.addresses],
});

export const createCaptureCollector = (baseUrl: string): CaptureCollector => {
  const people: Mutable<CapturedPerson>[] = [];
  const organisations: Mutable<CapturedOrganisation>[] = [];
  const personIndex = new Map<string, number>();
  const organisationIndex = new Map<string, number>();
  const contacts = new Set<string>();

  const address = (raw: string): string => cleanText(raw, CAPTURE_LIMITS.field);
  const url = (raw: string): string => webUrlFrom(raw, baseUrl);

  const fillLists = (
    target: Mutable<CapturedPerson> | Mutable<CapturedOrganisation>,
    raw: RawPerson | RawOrganisation,
  ): void => {
    mergeInto(target.emails, cleanList(raw.emails, emailFrom));
    mergeInto(target.phones, cleanList(raw.phones, phoneFrom));
    mergeInto(target.urls, cleanList(raw.urls, url));
    mergeInto(target.addresses, cleanList(raw.addresses, address));
  };

  const buildPerson = (raw: RawPerson, source: CaptureSource): Mutable<CapturedPerson> => {
    const given = name(raw.givenName);
    const family = name(raw.familyName);
    const full = name(raw.name) || name(`${given} ${family}`);
    const split = given === '' && family === '' ? splitName(full) : { firstName: given, lastName: family };
    const person: Mutable<CapturedPerson> = {
      name: full, ...split,
      jobTitle: name(raw.jobTitle),
      organisationName: name(raw.organisationName),
      emails: [], phones: [], urls: [], addresses: [],
      source,
    };
    fillLists(person, raw);
    return person;
  };

  const buildOrganisation = (raw: RawOrganisation, source: CaptureSource): Mutable<CapturedOrganisation> => {
    const organisation: Mutable<CapturedOrganisation> = {
      name: name(raw.name), domain: '', emails: [], phones: [], urls: [], addresses: [], source,
    };
    const website = url(raw.website ?? '');
    if (website !== '') organisation.urls.push(website);
    fillLists(organisation, raw);
    organisation.domain = domainFrom(website);
    return organisation;
  };

  const personKeys = (person: CapturedPerson): string[] => {
    const key = nameKey(person.name);
    return [...person.emails.map((email) => `e:${email.toLowerCase()}`), ...(key === '' ? [] : [`n:${key}`])];
  };

  const organisationKeys = (organisation: CapturedOrganisation): string[] => {
    const key = nameKey(organisation.name);
    return [...(key === '' ? [] : [`n:${key}`]), ...(organisation.domain === '' ? [] : [`d:${organisation.domain}`])];
  };

  const remember = (index: number, keys: readonly string[], byKey: Map<string, number>, found: CapturedPerson | CapturedOrganisation): void => {
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, index);
    for (const contact of [...found.emails, ...found.phones]) contacts.add(contact.toLowerCase());
  };

  const mergePerson = (index: number, from: CapturedPerson): void => {
    const person = people[index];
    if (!person) return;
    person.name ||= from.name;
    if (person.firstName === '' && person.lastName === '') {
      person.firstName = from.firstName;
      person.lastName = from.lastName;
    }
    person.jobTitle ||= from.jobTitle;
    person.organisationName ||= from.organisationName;
    mergeLists(person, from);
    remember(index, personKeys(person), personIndex, person);
  };

  const mergeOrganisation = (index: number, from: CapturedOrganisation): void => {
    const organisation = organisations[index];
    if (!organisation) return;
    organisation.name ||= from.name;
    organisation.domain ||= from.domain;
    mergeLists(organisation, from);
    remember(index, organisationKeys(organisation), organisationIndex, organisation);
  };

  return {
    addPerson: (raw, source) => {
      const candidate = buildPerson(raw, source);
      if (candidate.name === '' && candidate.emails.length === 0 && candidate.phones.length === 0) return -1;
      const existing = personKeys(candidate).map((key) => personIndex.get(key)).find((i) => i !== undefined);
      if (existing !== undefined) {
        mergePerson(existing, candidate);
        return existing;
      }
      if (people.length >= CAPTURE_LIMITS.people) return -1;
      people.push(candidate);
      remember(people.length - 1, personKeys(candidate), personIndex, candidate);
      return people.length - 1;
    },
    addOrganisation: (raw, source) => {
      const candidate = buildOrganisation(raw, source);
      if (candidate.name === '' && candidate.domain === '') return -1;
      const existing = organisationKeys(candidate).map((key) => organisationIndex.get(key)).find((i) => i !== undefined);
      if (existing !== undefined) {
        mergeOrganisation(existing, candidate);
        return existing;
      }
      if (organisations.length >= CAPTURE_LIMITS.organisations) return -1;
      organisations.push(candidate);
      remember(organisations.length - 1, organisationKeys(candidate), organisationIndex, candidate);
      return organisations.length - 1;
    },
    addToPerson: (index, raw) => {
      const person = people[index];
      if (person) mergePerson(index, buildPerson(raw, person.source));
    },
    addToOrganisation: (index, raw) => {
      const organisation = organisations[index];
      if (organisation) mergeOrganisation(index, buildOrganisation(raw, organisation.source));
    },
    hasContact: (cleaned) => contacts.has(cleaned.toLowerCase()),
    people: () => people.map(snapshot),
    organisations: () => organisations.map(snapshot),
  };
};
