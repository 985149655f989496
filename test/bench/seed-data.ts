import type {
  CaseFields, OpportunityFields, OrganisationFields, PersonFields,
} from '../../core/records/types';
import { CASE_STATUSES, LAWFUL_BASES, MILESTONES, OPPORTUNITY_STATUSES } from '../../core/records/types';
import {
  CASE_TOPICS, CONSENT_SOURCES, EMAIL_PROVIDERS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, LEGAL_FORMS,
  OPPORTUNITY_TOPICS, ORG_PREFIXES, ORG_SECTORS, OWNERS, STREETS, TAGS,
} from './seed-words';
import { createRandom, type Random } from './seed-random';

/**
 * Deterministic synthetic CRM data. Record i of a kind depends only on (seed, kind, i),
 * so the first records of a 100k set are those of a 10k set and one query set fits both.
 * Links are indexes, not ids: ids are assigned by the store, so the caller resolves them.
 */
export interface DatasetPlan {
  readonly organisations: number;
  readonly people: number;
  readonly cases: number;
  readonly opportunities: number;
}

export type PartyRef = { readonly kind: 'person' | 'organisation'; readonly index: number } | null;

export interface PersonSeed { readonly fields: PersonFields; readonly organisationIndex: number | null }
export interface CaseSeed { readonly fields: CaseFields; readonly party: PartyRef }
export interface OpportunitySeed { readonly fields: OpportunityFields; readonly party: PartyRef }

/** A custom field every seeded organisation and person carries, unique per record: it maps stored records back to seed indexes. */
export const SEED_REFERENCE_FIELD = 'Reference';
export const organisationReference = (index: number): string => `ORG-${String(index).padStart(6, '0')}`;
export const personReference = (index: number): string => `PER-${String(index).padStart(6, '0')}`;

/** 10% organisations, 60% people, 15% cases, 15% opportunities; the parts add up to `total`. */
export const planDataset = (total: number): DatasetPlan => {
  const organisations = Math.max(1, Math.round(total * 0.1));
  const people = Math.round(total * 0.6);
  const cases = Math.round(total * 0.15);
  return { organisations, people, cases, opportunities: Math.max(0, total - organisations - people - cases) };
};

const STREAM = { organisation: 1, person: 2, case: 3, opportunity: 4 } as const;
const ORG_NAME_SPACE = ORG_PREFIXES.length * ORG_SECTORS.length * LEGAL_FORMS.length;
/** Coprime with ORG_NAME_SPACE, so index → name is a bijection within the space. */
const ORG_NAME_STRIDE = 7919;

export const slugOf = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const digits = (random: Random, count: number): string =>
  Array.from({ length: count }, () => String(random.int(10))).join('');

const someTags = (random: Random, max: number): string[] => {
  const count = random.int(max + 1);
  return [...new Set(Array.from({ length: count }, () => random.pick(TAGS)))];
};

const isoDate = (random: Random, fromYear: number, years: number): string => {
  const day = new Date(Date.UTC(fromYear, 0, 1) + random.int(years * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
};

const organisationParts = (index: number) => {
  const slot = (index * ORG_NAME_STRIDE) % ORG_NAME_SPACE;
  const round = Math.floor(index / ORG_NAME_SPACE);
  const prefix = ORG_PREFIXES[slot % ORG_PREFIXES.length] ?? 'Nordlicht';
  const sector = ORG_SECTORS[Math.floor(slot / ORG_PREFIXES.length) % ORG_SECTORS.length] ?? 'Logistik';
  const legal = LEGAL_FORMS[Math.floor(slot / (ORG_PREFIXES.length * ORG_SECTORS.length))] ?? LEGAL_FORMS[0];
  const suffix = round > 0 ? ` ${round + 1}` : '';
  return { base: `${prefix} ${sector}${suffix}`, legal };
};

export const organisationAt = (seed: number, index: number): OrganisationFields => {
  const random = createRandom(seed, STREAM.organisation, index);
  const { base, legal } = organisationParts(index);
  const domain = `${slugOf(base)}.${legal.tld}`;
  return {
    name: `${base} ${legal.form}`,
    domain,
    emails: [`info@${domain}`, ...(random.chance(0.4) ? [`sales@${domain}`] : [])],
    phones: [`${legal.phone} ${digits(random, 7)}`],
    websites: [`https://www.${domain}/`],
    addresses: [`${random.pick(STREETS)} ${1 + random.int(180)}, ${legal.city}`],
    tags: someTags(random, 3),
    customFields: [{ name: SEED_REFERENCE_FIELD, value: organisationReference(index) }],
    owner: random.pick(OWNERS),
  };
};

export const personAt = (seed: number, index: number, plan: DatasetPlan): PersonSeed => {
  const random = createRandom(seed, STREAM.person, index);
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const organisationIndex = random.chance(0.8) ? random.int(plan.organisations) : null;
  const organisation = organisationIndex === null ? null : organisationAt(seed, organisationIndex);
  const local = `${slugOf(firstName)}.${slugOf(lastName).replace(/-/g, '')}`;
  const workEmail = organisation ? [`${local}@${organisation.domain}`] : [];
  const privateEmail = !organisation || random.chance(0.3)
    ? [`${local}${random.int(100)}@${random.pick(EMAIL_PROVIDERS)}`] : [];
  const country = organisation ? organisationParts(organisationIndex ?? 0).legal : random.pick(LEGAL_FORMS);
  return {
    organisationIndex,
    fields: {
      cadenceDays: null,
      firstName,
      lastName,
      jobTitle: organisation ? random.pick(JOB_TITLES) : '',
      organisationId: null,
      emails: [...workEmail, ...privateEmail],
      phones: [`${country.phone} ${digits(random, 7)}`, ...(random.chance(0.3) ? [`${country.phone} 1${digits(random, 8)}`] : [])],
      websites: random.chance(0.2) ? [`https://www.linkedin.com/in/${slugOf(`${firstName} ${lastName}`)}-${digits(random, 4)}`] : [],
      addresses: random.chance(0.5) ? [`${random.pick(STREETS)} ${1 + random.int(180)}, ${country.city}`] : [],
      tags: someTags(random, 3),
      customFields: [{ name: SEED_REFERENCE_FIELD, value: personReference(index) }],
      consent: random.chance(0.7)
        ? { basis: random.pick(LAWFUL_BASES), date: isoDate(random, 2019, 6), source: random.pick(CONSENT_SOURCES) }
        : null,
      owner: random.pick(OWNERS),
    },
  };
};

const partyFor = (random: Random, plan: DatasetPlan): PartyRef => {
  if (random.chance(0.05)) return null;
  return random.chance(0.5) && plan.people > 0
    ? { kind: 'person', index: random.int(plan.people) }
    : { kind: 'organisation', index: random.int(plan.organisations) };
};

const partyName = (seed: number, party: PartyRef, plan: DatasetPlan): string => {
  if (party === null) return 'internal';
  if (party.kind === 'organisation') return organisationAt(seed, party.index).name;
  const { fields } = personAt(seed, party.index, plan);
  return `${fields.firstName} ${fields.lastName}`;
};

export const caseAt = (seed: number, index: number, plan: DatasetPlan): CaseSeed => {
  const random = createRandom(seed, STREAM.case, index);
  const party = partyFor(random, plan);
  const topic = random.pick(CASE_TOPICS);
  return {
    party,
    fields: {
      name: `${topic} – ${partyName(seed, party, plan)}`,
      description: `${topic} opened after a request on ${isoDate(random, 2023, 3)}. Follow up with the contact and record the outcome.`,
      status: random.pick(CASE_STATUSES),
      partyId: null,
      customFields: [],
      owner: random.pick(OWNERS),
    },
  };
};

export const opportunityAt = (seed: number, index: number, plan: DatasetPlan): OpportunitySeed => {
  const random = createRandom(seed, STREAM.opportunity, index);
  const party = partyFor(random, plan);
  const currency = party?.kind === 'organisation' ? organisationParts(party.index).legal.currency : 'EUR';
  return {
    party,
    fields: {
      name: `${random.pick(OPPORTUNITY_TOPICS)} – ${partyName(seed, party, plan)}`,
      partyId: null,
      value: random.chance(0.9) ? 500 * (1 + random.int(400)) : null,
      currency,
      milestone: random.pick(MILESTONES),
      probability: 5 * random.int(21),
      expectedCloseDate: random.chance(0.8) ? isoDate(random, 2025, 3) : null,
      status: random.pick(OPPORTUNITY_STATUSES),
      customFields: [],
      lostReason: '',
      owner: random.pick(OWNERS),
    },
  };
};

/** Every seeded record of a plan, links still as indexes. */
export const generateDataset = (seed: number, plan: DatasetPlan) => ({
  organisations: Array.from({ length: plan.organisations }, (_, i) => organisationAt(seed, i)),
  people: Array.from({ length: plan.people }, (_, i) => personAt(seed, i, plan)),
  cases: Array.from({ length: plan.cases }, (_, i) => caseAt(seed, i, plan)),
  opportunities: Array.from({ length: plan.opportunities }, (_, i) => opportunityAt(seed, i, plan)),
});
