import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ConditionSchema, FilterSchema, type Condition } from '../../../core/filters/filter-schema';
import { compileFilter, type MatchContext } from '../../../core/filters/match';
import type { LocketRecord } from '../../../core/records/types';
import { heldCopies } from './held';
import { DAY, NOW, opportunity, person } from './records';

const context: MatchContext = { now: NOW, lastImportIds: new Set() };
/** The record's answer; the filter columns' copies of it (worker/filters/filter-columns.ts) must give the same. */
const matches = (record: LocketRecord, ...conditions: Condition[]): boolean => {
  const compiled = compileFilter({ conditions }, context);
  const answer = compiled.matches(record);
  const held = heldCopies(record);
  expect(held).toHaveLength(2);
  for (const copy of held) expect(compiled.matches(copy)).toBe(answer);
  return answer;
};

describe('filter operators', () => {
  it('tag has / has not, without regard to case', () => {
    const tagged = person({ tags: ['Customer', 'VIP'] });
    expect(matches(tagged, { field: 'tag', op: 'has', tag: 'customer' })).toBe(true);
    expect(matches(tagged, { field: 'tag', op: 'has', tag: 'Partner' })).toBe(false);
    expect(matches(tagged, { field: 'tag', op: 'has-not', tag: 'vip' })).toBe(false);
    expect(matches(person(), { field: 'tag', op: 'has-not', tag: 'VIP' })).toBe(true);
  });

  it('organisation is: a person’s organisation, a deal’s party', () => {
    expect(matches(person({ organisationId: 'org-1' }), { field: 'organisation', op: 'is', id: 'org-1', label: 'Acme' })).toBe(true);
    expect(matches(person({ organisationId: 'org-2' }), { field: 'organisation', op: 'is', id: 'org-1', label: 'Acme' })).toBe(false);
    expect(matches(opportunity({ partyId: 'org-1' }), { field: 'organisation', op: 'is', id: 'org-1', label: 'Acme' })).toBe(true);
  });

  it('city and country: contained in an address, or one of its parts', () => {
    const leeds = person({ addresses: ['12 Park Row, Leeds, LS1 5HD, United Kingdom'] });
    expect(matches(leeds, { field: 'city', op: 'is', text: 'leeds' })).toBe(true);
    expect(matches(leeds, { field: 'city', op: 'is', text: 'Lee' })).toBe(false);
    expect(matches(leeds, { field: 'city', op: 'contains', text: 'Lee' })).toBe(true);
    expect(matches(leeds, { field: 'country', op: 'contains', text: 'kingdom' })).toBe(true);
    expect(matches(person(), { field: 'country', op: 'contains', text: 'kingdom' })).toBe(false);
  });

  it('owner is / contains', () => {
    expect(matches(person({ owner: 'Olive Owner' }), { field: 'owner', op: 'is', text: 'olive owner' })).toBe(true);
    expect(matches(person({ owner: 'Olive Owner' }), { field: 'owner', op: 'is', text: 'Olive' })).toBe(false);
    expect(matches(person({ owner: 'Olive Owner' }), { field: 'owner', op: 'contains', text: 'Olive' })).toBe(true);
  });

  it('created and updated: before, after, within N days, older than N days, this week', () => {
    const old = person({}, { createdAt: NOW - 40 * DAY, updatedAt: NOW - 2 * DAY });
    expect(matches(old, { field: 'created', op: 'before', date: '2026-05-10' })).toBe(true);
    expect(matches(old, { field: 'created', op: 'after', date: '2026-05-01' })).toBe(false);
    expect(matches(old, { field: 'updated', op: 'after', date: '2026-06-07' })).toBe(true);
    expect(matches(old, { field: 'created', op: 'within-days', days: 30 })).toBe(false);
    expect(matches(old, { field: 'updated', op: 'within-days', days: 3 })).toBe(true);
    expect(matches(old, { field: 'created', op: 'older-than-days', days: 30 })).toBe(true);
    // NOW is a Wednesday: Monday counts as this week, last Sunday does not.
    expect(matches(person({}, { createdAt: NOW - 2 * DAY }), { field: 'created', op: 'this-week' })).toBe(true);
    expect(matches(person({}, { createdAt: NOW - 3 * DAY }), { field: 'created', op: 'this-week' })).toBe(false);
  });

  it('lawful basis is, and consent date (a record without consent matches no date test)', () => {
    const consented = person({ consent: { basis: 'consent', date: '2023-01-15', source: 'form' } });
    expect(matches(consented, { field: 'lawful-basis', op: 'is', basis: 'consent' })).toBe(true);
    expect(matches(consented, { field: 'lawful-basis', op: 'is', basis: 'contract' })).toBe(false);
    expect(matches(consented, { field: 'consent-date', op: 'before', date: '2023-02-01' })).toBe(true);
    expect(matches(consented, { field: 'consent-date', op: 'after', date: '2023-02-01' })).toBe(false);
    expect(matches(consented, { field: 'consent-date', op: 'older-than-days', days: 730 })).toBe(true);
    expect(matches(person(), { field: 'consent-date', op: 'older-than-days', days: 730 })).toBe(false);
  });

  it('milestone, status, value at least / at most, expected close before / after', () => {
    const deal = opportunity({ milestone: 'proposal', status: 'open', value: 5000, expectedCloseDate: '2026-07-01' });
    expect(matches(deal, { field: 'milestone', op: 'is', milestone: 'proposal' })).toBe(true);
    expect(matches(deal, { field: 'milestone', op: 'is', milestone: 'closing' })).toBe(false);
    expect(matches(deal, { field: 'status', op: 'is', status: 'open' })).toBe(true);
    expect(matches(deal, { field: 'status', op: 'is', status: 'won' })).toBe(false);
    expect(matches(deal, { field: 'value', op: 'at-least', amount: 5000 })).toBe(true);
    expect(matches(deal, { field: 'value', op: 'at-least', amount: 5000.01 })).toBe(false);
    expect(matches(deal, { field: 'value', op: 'at-most', amount: 4999 })).toBe(false);
    expect(matches(opportunity(), { field: 'value', op: 'at-most', amount: 4999 })).toBe(false);
    expect(matches(deal, { field: 'close-date', op: 'before', date: '2026-07-02' })).toBe(true);
    expect(matches(deal, { field: 'close-date', op: 'after', date: '2026-07-01' })).toBe(false);
  });

  it('custom fields by name: equals, contains, number at least / at most, date before / after', () => {
    const record = person({ customFields: [{ name: 'Region', value: 'North West' }, { name: 'Seats', value: '1,200' }, { name: 'Renewal', value: '2026-09-30' }] });
    expect(matches(record, { field: 'custom', name: 'region', op: 'equals', text: 'north west' })).toBe(true);
    expect(matches(record, { field: 'custom', name: 'Region', op: 'equals', text: 'North' })).toBe(false);
    expect(matches(record, { field: 'custom', name: 'Region', op: 'contains', text: 'west' })).toBe(true);
    expect(matches(record, { field: 'custom', name: 'Seats', op: 'at-least', amount: 1200 })).toBe(true);
    expect(matches(record, { field: 'custom', name: 'Seats', op: 'at-most', amount: 1199 })).toBe(false);
    expect(matches(record, { field: 'custom', name: 'Region', op: 'at-least', amount: 0 })).toBe(false);
    expect(matches(record, { field: 'custom', name: 'Renewal', op: 'before', date: '2026-10-01' })).toBe(true);
    expect(matches(record, { field: 'custom', name: 'Renewal', op: 'after', date: '2026-10-01' })).toBe(false);
    expect(matches(person(), { field: 'custom', name: 'Renewal', op: 'after', date: '2000-01-01' })).toBe(false);
  });

  it('last import: only the records its batch wrote', () => {
    const imported = person();
    const filter = compileFilter({ conditions: [{ field: 'import', op: 'last' }] }, { now: NOW, lastImportIds: new Set([imported.id]) });
    expect(filter.matches(imported)).toBe(true);
    expect(filter.matches(person())).toBe(false);
  });

  it('last activity is the record’s own last change until activities are recorded, or what the hook says', () => {
    const quiet = person({}, { updatedAt: NOW - 100 * DAY });
    expect(matches(quiet, { field: 'last-activity', op: 'older-than-days', days: 90 })).toBe(true);
    const contacted = compileFilter({ conditions: [{ field: 'last-activity', op: 'older-than-days', days: 90 }] },
      { ...context, lastActivityOf: () => NOW - DAY });
    expect(contacted.matches(quiet)).toBe(false);
  });
});

describe('combining conditions', () => {
  const leedsCustomer = person({ tags: ['Customer'], addresses: ['Leeds'] });
  const yorkPartner = person({ tags: ['Partner'], addresses: ['York'] });
  const leedsPartner = person({ tags: ['Partner'], addresses: ['Leeds'] });

  it('OR within one field, AND across fields', () => {
    const conditions: Condition[] = [
      { field: 'tag', op: 'has', tag: 'Customer' }, { field: 'tag', op: 'has', tag: 'Partner' }, { field: 'city', op: 'is', text: 'Leeds' },
    ];
    expect([leedsCustomer, yorkPartner, leedsPartner].map((record) => matches(record, ...conditions))).toEqual([true, false, true]);
  });

  it('bounds and exclusions narrow even on one field', () => {
    const both: Condition[] = [{ field: 'tag', op: 'has-not', tag: 'Customer' }, { field: 'tag', op: 'has-not', tag: 'Partner' }];
    expect([leedsCustomer, yorkPartner, person()].map((record) => matches(record, ...both))).toEqual([false, false, true]);
    const window: Condition[] = [{ field: 'value', op: 'at-least', amount: 10 }, { field: 'value', op: 'at-most', amount: 20 }];
    expect([5, 15, 25].map((value) => matches(opportunity({ value }), ...window))).toEqual([false, true, false]);
  });

  it('an empty filter matches everything', () => {
    expect(matches(yorkPartner)).toBe(true);
  });

  it('rules out by the clear row only what cannot match, and keeps a group it cannot decide', () => {
    const recent = compileFilter({ conditions: [{ field: 'created', op: 'within-days', days: 7 }, { field: 'tag', op: 'has', tag: 'X' }] }, context);
    const row = { id: 'x', kind: 'person' as const, links: [], updatedAt: NOW };
    expect(recent.mayMatch({ ...row, createdAt: NOW - 30 * DAY })).toBe(false);
    expect(recent.mayMatch({ ...row, createdAt: NOW - DAY })).toBe(true);
    const mixed = compileFilter({ conditions: [{ field: 'organisation', op: 'is', id: 'org-1', label: '' }, { field: 'organisation', op: 'is', id: 'org-2', label: '' }] }, context);
    expect(mixed.mayMatch({ ...row, createdAt: NOW, links: ['org-2'] })).toBe(true);
    expect(mixed.mayMatch({ ...row, createdAt: NOW, links: ['org-3'] })).toBe(false);
  });
});

describe('the stored filter', () => {
  it('refuses an unknown field, operator or a malformed date', () => {
    expect(v.is(ConditionSchema, { field: 'tag', op: 'has', tag: 'A' })).toBe(true);
    expect(v.is(ConditionSchema, { field: 'shoe-size', op: 'is', text: '9' })).toBe(false);
    expect(v.is(ConditionSchema, { field: 'tag', op: 'is-like', tag: 'A' })).toBe(false);
    expect(v.is(ConditionSchema, { field: 'created', op: 'before', date: '10/06/2026' })).toBe(false);
    expect(v.is(FilterSchema, { conditions: [{ field: 'value', op: 'at-least', amount: Number.NaN }] })).toBe(false);
  });
});
