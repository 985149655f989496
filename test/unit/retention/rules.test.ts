import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocketRecord, RecordKind } from '../../../core/records/types';
import { RULE_KINDS, type RetentionRule } from '../../../core/retention/policy';
import { isoDateToMs, matchesRule, monthsBefore, ruleSince } from '../../../core/retention/rules';
import { DAY_MS } from '../../../core/retention/windows';

const at = (iso: string): number => Date.parse(iso);
const rule = (kind: RetentionRule['kind'], months: number): RetentionRule => ({ id: 'rule-1', kind, months });

const base = <K extends RecordKind>(kind: K, updatedAt: number) =>
  ({ id: `${kind}-1`, kind, createdAt: updatedAt, updatedAt, deletedAt: null });

const person = (updatedAt: number): LocketRecord<'person'> => ({
  ...base('person', updatedAt),
  fields: {
    firstName: 'Ada', lastName: 'Lovelace', jobTitle: '', organisationId: null, emails: [], phones: [], websites: [],
    addresses: [], tags: [], customFields: [], consent: null, owner: 'owner', cadenceDays: null,
  },
});
const organisation = (updatedAt: number): LocketRecord<'organisation'> => ({
  ...base('organisation', updatedAt),
  fields: { name: 'Acme', domain: '', emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [], owner: 'owner' },
});
const aCase = (updatedAt: number, status: 'open' | 'closed'): LocketRecord<'case'> => ({
  ...base('case', updatedAt), fields: { name: 'Refund', description: '', status, partyId: null, customFields: [], owner: 'owner' },
});
const opportunity = (updatedAt: number, status: 'open' | 'won' | 'lost', expectedCloseDate: string | null): LocketRecord<'opportunity'> => ({
  ...base('opportunity', updatedAt),
  fields: { currency: '', customFields: [], expectedCloseDate, lostReason: '', milestone: 'new', name: 'Renewal', owner: 'owner', partyId: null, probability: 0, status, value: null },
});
const note = (updatedAt: number): LocketRecord<'note'> => ({
  ...base('note', updatedAt), fields: { body: 'Called', recordId: 'person-1', sourceUrl: null, capturedAt: null },
});

describe('calendar months', () => {
  it('go back month by month, keeping the time of day and clamping the day to a shorter month', () => {
    expect(monthsBefore(at('2025-03-31T15:20:00Z'), 1)).toBe(at('2025-02-28T15:20:00Z'));
    expect(monthsBefore(at('2024-03-31T15:20:00Z'), 1)).toBe(at('2024-02-29T15:20:00Z'));
    expect(monthsBefore(at('2025-01-15T08:00:00Z'), 2)).toBe(at('2024-11-15T08:00:00Z'));
    expect(monthsBefore(at('2025-05-31T00:00:00Z'), 24)).toBe(at('2023-05-31T00:00:00Z'));
    expect(monthsBefore(at('2028-02-29T23:59:59.999Z'), 12)).toBe(at('2027-02-28T23:59:59.999Z'));
  });

  it('read ISO dates as midnight UTC and refuse dates that do not exist', () => {
    expect(isoDateToMs('2021-06-30')).toBe(at('2021-06-30T00:00:00Z'));
    expect(isoDateToMs('2024-02-29')).toBe(at('2024-02-29T00:00:00Z'));
    for (const bad of ['2023-02-29', '2021-13-01', '2021-04-31', '21-06-30', '']) expect(isoDateToMs(bad)).toBeNull();
  });
});

describe('inactive people', () => {
  const now = at('2025-06-15T12:00:00Z');
  const twoYears = rule('inactive-people', 24);

  it('proposes a person untouched for more than the months given, and not one exactly that old', () => {
    expect(matchesRule(twoYears, person(at('2023-06-15T11:59:59Z')), 0, now)).toBe(true);
    expect(matchesRule(twoYears, person(at('2023-06-15T12:00:00Z')), 0, now)).toBe(false);
  });

  it('counts a linked record’s activity as the person’s', () => {
    const old = person(at('2020-01-01T00:00:00Z'));
    expect(matchesRule(twoYears, old, at('2024-01-01T00:00:00Z'), now)).toBe(false);
    expect(ruleSince(twoYears, old, at('2022-01-01T00:00:00Z'))).toBe(at('2022-01-01T00:00:00Z'));
    // Activity older than the person's own last edit does not make them look older.
    expect(ruleSince(twoYears, person(at('2023-01-01T00:00:00Z')), at('2019-01-01T00:00:00Z'))).toBe(at('2023-01-01T00:00:00Z'));
  });

  it('leaves every other kind alone', () => {
    const ancient = at('2000-01-01T00:00:00Z');
    for (const record of [organisation(ancient), aCase(ancient, 'closed'), opportunity(ancient, 'lost', null), note(ancient)]) {
      expect(ruleSince(twoYears, record, 0)).toBeNull();
    }
  });
});

describe('lost opportunities', () => {
  const now = at('2025-06-15T12:00:00Z');
  const threeYears = rule('lost-opportunities', 36);

  it('measure from the expected close date, or from the last edit when there is none', () => {
    const recentEdit = at('2025-05-01T00:00:00Z');
    expect(ruleSince(threeYears, opportunity(recentEdit, 'lost', '2022-06-14'), 0)).toBe(at('2022-06-14T00:00:00Z'));
    expect(matchesRule(threeYears, opportunity(recentEdit, 'lost', '2022-06-14'), 0, now)).toBe(true);
    expect(matchesRule(threeYears, opportunity(recentEdit, 'lost', '2022-06-16'), 0, now)).toBe(false);
    expect(matchesRule(threeYears, opportunity(recentEdit, 'lost', null), 0, now)).toBe(false);
    expect(matchesRule(threeYears, opportunity(at('2022-01-01T00:00:00Z'), 'lost', null), 0, now)).toBe(true);
  });

  it('never propose an open or won opportunity', () => {
    const old = at('2010-01-01T00:00:00Z');
    expect(matchesRule(threeYears, opportunity(old, 'open', '2010-01-01'), 0, now)).toBe(false);
    expect(matchesRule(threeYears, opportunity(old, 'won', '2010-01-01'), 0, now)).toBe(false);
  });
});

describe('closed cases', () => {
  const now = at('2025-06-15T12:00:00Z');
  const sixMonths = rule('closed-cases', 6);

  it('propose closed cases untouched for longer than the months given, never open ones', () => {
    expect(matchesRule(sixMonths, aCase(at('2024-12-01T00:00:00Z'), 'closed'), 0, now)).toBe(true);
    expect(matchesRule(sixMonths, aCase(at('2025-01-01T00:00:00Z'), 'closed'), 0, now)).toBe(false);
    expect(matchesRule(sixMonths, aCase(at('2020-01-01T00:00:00Z'), 'open'), 0, now)).toBe(false);
  });
});

// Properties, over records of every kind between 2000 and 2040.
const EARLIEST = at('2000-01-01T00:00:00Z');
const LATEST = at('2040-01-01T00:00:00Z');
const moment = fc.integer({ min: EARLIEST, max: LATEST });
const isoDate = fc.integer({ min: EARLIEST, max: LATEST }).map((ms) => new Date(ms).toISOString().slice(0, 10));

const anyRecord: fc.Arbitrary<LocketRecord> = fc.oneof(
  moment.map(person),
  moment.map(organisation),
  moment.map(note),
  fc.tuple(moment, fc.constantFrom('open' as const, 'closed' as const)).map(([time, status]) => aCase(time, status)),
  fc.tuple(moment, fc.constantFrom('open' as const, 'won' as const, 'lost' as const), fc.option(isoDate))
    .map(([time, status, date]) => opportunity(time, status, date)),
);
const anyRule = fc.tuple(fc.constantFrom(...RULE_KINDS), fc.integer({ min: 1, max: 120 })).map(([kind, months]) => rule(kind, months));
const activity = fc.oneof(fc.constant(0), moment);

describe('every rule', () => {
  it('never proposes a record whose measured moment is within its window (every month has at least 28 days)', () => {
    fc.assert(fc.property(anyRule, anyRecord, activity, moment, (r, record, last, now) => {
      const since = ruleSince(r, record, last);
      if (since !== null && since >= now - r.months * 28 * DAY_MS) expect(matchesRule(r, record, last, now)).toBe(false);
    }));
  });

  it('proposes every record it applies to once its window is over (no month has more than 31 days)', () => {
    fc.assert(fc.property(anyRule, anyRecord, activity, moment, (r, record, last, now) => {
      const since = ruleSince(r, record, last);
      if (since !== null && since < now - r.months * 31 * DAY_MS) expect(matchesRule(r, record, last, now)).toBe(true);
    }));
  });

  it('is monotone: a longer window proposes no record a shorter one does not, and time only adds records', () => {
    fc.assert(fc.property(
      anyRule, fc.integer({ min: 1, max: 120 }), anyRecord, activity, moment, fc.integer({ min: 0, max: 20 * 365 * DAY_MS }),
      (r, otherMonths, record, last, now, later) => {
        const [shorter, longer] = [Math.min(r.months, otherMonths), Math.max(r.months, otherMonths)];
        if (matchesRule({ ...r, months: longer }, record, last, now)) expect(matchesRule({ ...r, months: shorter }, record, last, now)).toBe(true);
        if (matchesRule(r, record, last, now)) expect(matchesRule(r, record, last, now + later)).toBe(true);
      },
    ));
  });

  it('lets activity only keep a record, never bring it forward', () => {
    fc.assert(fc.property(anyRule, anyRecord, moment, moment, (r, record, last, now) => {
      if (matchesRule(r, record, last, now)) expect(matchesRule(r, record, 0, now)).toBe(true);
    }));
  });

  it('never proposes a record in the trash', () => {
    fc.assert(fc.property(anyRule, anyRecord, moment, activity, moment, (r, record, deletedAt, last, now) => {
      expect(matchesRule(r, { ...record, deletedAt }, last, now)).toBe(false);
    }));
  });
});
