import type { LocketRecord, OpportunityFields, PersonFields } from '../../../core/records/types';

/** A fixed moment (Wednesday 10 June 2026, noon local time) the filters measure from. */
export const NOW = new Date(2026, 5, 10, 12).getTime();
export const DAY = 24 * 60 * 60 * 1000;

let serial = 0;
const nextId = (): string => `0190000${String(++serial).padStart(5, '0')}`;

export const person = (fields: Partial<PersonFields> = {}, times: { createdAt?: number; updatedAt?: number } = {}): LocketRecord<'person'> => ({
  id: nextId(), kind: 'person', createdAt: times.createdAt ?? NOW - DAY, updatedAt: times.updatedAt ?? NOW - DAY, deletedAt: null,
  fields: {
    firstName: 'Ada', lastName: 'Lovelace', jobTitle: '', organisationId: null, emails: [], phones: [], websites: [],
    addresses: [], tags: [], customFields: [], consent: null, owner: '', cadenceDays: null, ...fields,
  },
});

export const opportunity = (fields: Partial<OpportunityFields> = {}): LocketRecord<'opportunity'> => ({
  id: nextId(), kind: 'opportunity', createdAt: NOW - DAY, updatedAt: NOW - DAY, deletedAt: null,
  fields: {
    name: 'Deal', partyId: null, value: null, currency: 'EUR', milestone: 'new', probability: 10,
    expectedCloseDate: null, status: 'open', owner: '', customFields: [], lostReason: '', ...fields,
  },
});
