import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFields } from '../../../core/records/validate';
import { LAWFUL_BASES, MILESTONES, OPPORTUNITY_STATUSES, type LocketRecord, type RecordKind } from '../../../core/records/types';
import { exportAll, plan, plannedRecords } from './fixtures';

/** Text that stresses CSV and spreadsheets: quotes, separators, line breaks, formula starts, escapes, any Unicode. */
const tricky = (maxLength: number) => fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('"', ',', ';', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', "'", '\\', ':', ' ', '\uFEFF', '|') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '中', '😀', '👩‍💻', '\u200B', '\u00A0', '\u3000', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', 'n', 'r') },
  ),
  maxLength,
});

const someText = (maxLength: number) => tricky(maxLength).filter((value) => value.trim() !== '');
const email = fc.tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,8}[a-z0-9])?$/), fc.stringMatching(/^[a-z]{1,10}$/))
  .map(([local, host]) => `${local}@${host}.example`);
const phone = fc.stringMatching(/^\+?[0-9]{2,4}[ .-]?[0-9]{3,8}$/);
const website = tricky(20).map((path) => `https://site.example/${path}`);
const isoDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });
const customFields = list(fc.record({ name: someText(20), value: tricky(30) }));

const ORG_ID = '0190a000-0000-7000-8000-0000000000aa';
const PARTY_ID = '0190a000-0000-7000-8000-0000000000bb';
const NOTE_ID = '0190a000-0000-7000-8000-0000000000cc';
const RECORD_ID = '0190a000-0000-7000-8000-0000000000dd';

const personInput = fc.record({
  firstName: tricky(30), lastName: tricky(30), jobTitle: tricky(30),
  organisationId: fc.constantFrom(null, ORG_ID),
  emails: list(email), phones: list(phone), websites: list(website), addresses: list(someText(40)),
  tags: list(someText(20)), customFields,
  consent: fc.option(fc.record({ basis: fc.constantFrom(...LAWFUL_BASES), date: isoDate, source: tricky(30) }), { nil: null }),
  owner: tricky(20),
});
const organisationInput = fc.record({
  name: someText(30), domain: fc.constantFrom('', 'example.co.uk', 'münchen.de'),
  emails: list(email), phones: list(phone), websites: list(website), addresses: list(someText(40)),
  tags: list(someText(20)), customFields, owner: tricky(20),
});
const caseInput = fc.record({
  name: someText(30), description: tricky(80), status: fc.constantFrom('open', 'closed'),
  partyId: fc.constantFrom(null, PARTY_ID), owner: tricky(20),
});
const opportunityInput = fc.record({
  name: someText(30), partyId: fc.constantFrom(null, PARTY_ID),
  value: fc.option(fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true })), { nil: null }),
  currency: fc.constantFrom('EUR', 'GBP', 'JPY'), milestone: fc.constantFrom(...MILESTONES),
  probability: fc.integer({ min: 0, max: 100 }), expectedCloseDate: fc.option(isoDate, { nil: null }),
  status: fc.constantFrom(...OPPORTUNITY_STATUSES), lostReason: tricky(40), owner: tricky(20),
});
const noteInput = fc.record({
  body: someText(200), recordId: fc.constant(RECORD_ID),
  sourceUrl: fc.option(website, { nil: null }), capturedAt: fc.option(time, { nil: null }),
});

/** A stored record made from generated input, exactly as the store would keep it; null when the schema refuses it. */
const stored = (kind: RecordKind, id: string, input: unknown, createdAt: number): LocketRecord | null => {
  const parsed = parseFields(kind, input);
  // The schema for `kind` produced these fields, so kind and fields agree.
  return parsed.ok ? ({ id, kind, createdAt, updatedAt: createdAt + 1, deletedAt: null, fields: parsed.value } as LocketRecord) : null;
};

/** Records the generated one links to, so its links resolve. */
const anchors: readonly LocketRecord[] = [
  { id: ORG_ID, kind: 'organisation', createdAt: 1, updatedAt: 1, deletedAt: null, fields: { name: 'Anchor Org', domain: '', emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [], owner: '' } },
  { id: PARTY_ID, kind: 'person', createdAt: 1, updatedAt: 1, deletedAt: null, fields: { firstName: 'Anchor', lastName: '', jobTitle: '', organisationId: null, emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [], consent: null, owner: '', cadenceDays: null } },
  { id: RECORD_ID, kind: 'case', createdAt: 1, updatedAt: 1, deletedAt: null, fields: { name: 'Anchor case', description: '', status: 'open', partyId: null, customFields: [], owner: '' } },
];

const roundTrips = (record: LocketRecord | null, bom: boolean): void => {
  fc.pre(record !== null);
  if (record === null) return;
  const result = plan(exportAll([...anchors, record], bom));
  expect(result.total.invalid).toBe(0);
  const back = plannedRecords(result).get(record.id);
  expect(back).toEqual({ id: record.id, kind: record.kind, fields: record.fields, createdAt: record.createdAt, updatedAt: record.updatedAt });
  // The batch that writes a plan made here does not parse its fields again (checked-fields.ts): a parse must leave what it returned as it is.
  expect(parseFields(record.kind, back?.fields)).toEqual({ ok: true, value: back?.fields });
};

const RUNS = { numRuns: 300 };

describe('export then import keeps arbitrary text field for field', () => {
  it('people', () => {
    fc.assert(fc.property(personInput, time, fc.boolean(), (input, at, bom) => roundTrips(stored('person', NOTE_ID, input, at), bom)), RUNS);
  });
  it('organisations', () => {
    fc.assert(fc.property(organisationInput, time, fc.boolean(), (input, at, bom) => roundTrips(stored('organisation', NOTE_ID, input, at), bom)), RUNS);
  });
  it('cases', () => {
    fc.assert(fc.property(caseInput, time, fc.boolean(), (input, at, bom) => roundTrips(stored('case', NOTE_ID, input, at), bom)), RUNS);
  });
  it('opportunities', () => {
    fc.assert(fc.property(opportunityInput, time, fc.boolean(), (input, at, bom) => roundTrips(stored('opportunity', NOTE_ID, input, at), bom)), RUNS);
  });
  it('notes', () => {
    fc.assert(fc.property(noteInput, time, fc.boolean(), (input, at, bom) => roundTrips(stored('note', NOTE_ID, input, at), bom)), RUNS);
  });
});
