import type { ValueCodec } from '../../core/codec';
import type { LocketRecord, RecordKind } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';
import type { StoreSeedReport } from '../../test/bench/bench-api';
import {
  caseAt, opportunityAt, organisationAt, personAt, planDataset, SEED_REFERENCE_FIELD, type PartyRef,
} from '../../test/bench/seed-data';

/** A store to seed and its own codec: encoding the same inputs once more, apart, tells the codec's share of the insert time. */
export interface SeedTarget {
  readonly store: LocketStore;
  readonly codec: ValueCodec;
}

/** Seed index of a stored organisation or person, read back from its reference field. */
const seedIndexOf = (record: LocketRecord): number | null => {
  if (record.kind !== 'organisation' && record.kind !== 'person') return null;
  const reference = record.fields.customFields.find((field) => field.name === SEED_REFERENCE_FIELD);
  return reference ? Number(reference.value.slice(4)) : null;
};

/** Ids the store assigned, by seed index, for one kind. */
const readBackIds = async (store: LocketStore, kind: 'organisation' | 'person', count: number): Promise<string[]> => {
  const ids = new Array<string>(count);
  await store.forEachBatch(1000, (records) => {
    for (const record of records) {
      const index = record.kind === kind ? seedIndexOf(record) : null;
      if (index !== null) ids[index] = record.id;
    }
  });
  return ids;
};

const timed = async <T>(work: () => T | Promise<T>, add: (ms: number) => void): Promise<T> => {
  const started = performance.now();
  const result = await work();
  add(performance.now() - started);
  return result;
};

/** One target's inserts and link look-ups, and what they cost. */
const createSeeding = ({ store, codec }: SeedTarget) => {
  const byKind: { kind: string; records: number; ms: number }[] = [];
  let resolveLinksMs = 0;
  let encodeMs = 0;
  let inserted = 0;
  let invalid = 0;
  let firstInvalid: string | null = null;
  return {
    insert: async (kind: RecordKind, inputs: readonly unknown[]): Promise<void> => {
      const report = await timed(() => store.insertMany(kind, inputs), (ms) => { byKind.push({ kind, records: inputs.length, ms }); });
      await timed(() => codec.encodeMany(inputs, inputs.map((_, index) => `locket/bench/${index}`)), (ms) => { encodeMs += ms; });
      inserted += report.inserted;
      invalid += report.invalid.length;
      const first = report.invalid[0];
      if (firstInvalid === null && first) firstInvalid = `${kind} #${first.index}: ${JSON.stringify(first.errors)}`;
    },
    ids: (kind: 'organisation' | 'person', count: number) =>
      timed(() => readBackIds(store, kind, count), (ms) => { resolveLinksMs += ms; }),
    report: (generateMs: number): StoreSeedReport => ({
      records: inserted,
      invalid,
      firstInvalid,
      insertMs: byKind.reduce((sum, part) => sum + part.ms, 0),
      byKind,
      encodeMs,
      generateMs,
      resolveLinksMs,
    }),
  };
};

/**
 * Seeds one plan through store.insertMany into each target, kind by kind, so links point at
 * real ids: organisations, then people (linked to them), then cases and opportunities (linked
 * to either). Every target gets the same inputs but its own ids. Only the insertMany calls are
 * timed as the insert figure. With several targets, each kind goes into all of them back to
 * back, the first one taking turns, so a burst of load elsewhere on the machine falls on both
 * sides of a comparison rather than on one.
 */
export const seedThroughStores = async (
  targets: readonly SeedTarget[],
  total: number,
  seed: number,
): Promise<StoreSeedReport[]> => {
  const plan = planDataset(total);
  const seedings = targets.map(createSeeding);
  let generateMs = 0;
  let turn = 0;
  const generate = <T>(count: number, at: (index: number) => T) =>
    timed(() => Array.from({ length: count }, (_, index) => at(index)), (ms) => { generateMs += ms; });
  /** Runs `work` for every target, starting with a different one each time. */
  const inTurn = async <T>(work: (index: number) => Promise<T>): Promise<T[]> => {
    const results = new Array<T>(seedings.length);
    for (let step = 0; step < seedings.length; step += 1) {
      const index = (turn + step) % seedings.length;
      results[index] = await work(index);
    }
    turn += 1;
    return results;
  };
  const seedingAt = (index: number) => {
    const seeding = seedings[index];
    if (!seeding) throw new Error(`No seed target ${index}`);
    return seeding;
  };

  const organisations = await generate(plan.organisations, (i) => organisationAt(seed, i));
  await inTurn((t) => seedingAt(t).insert('organisation', organisations));
  const organisationIds = await Promise.all(seedings.map((s) => s.ids('organisation', plan.organisations)));

  const people = await generate(plan.people, (i) => personAt(seed, i, plan));
  await inTurn((t) => seedingAt(t).insert('person', people.map((person) => ({
    ...person.fields,
    organisationId: person.organisationIndex === null ? null : organisationIds[t]?.[person.organisationIndex] ?? null,
  }))));
  const personIds = await Promise.all(seedings.map((s) => s.ids('person', plan.people)));

  const partyId = (t: number, party: PartyRef): string | null =>
    party === null ? null : (party.kind === 'person' ? personIds : organisationIds)[t]?.[party.index] ?? null;
  const cases = await generate(plan.cases, (i) => caseAt(seed, i, plan));
  await inTurn((t) => seedingAt(t).insert('case', cases.map((item) => ({ ...item.fields, partyId: partyId(t, item.party) }))));
  const opportunities = await generate(plan.opportunities, (i) => opportunityAt(seed, i, plan));
  await inTurn((t) => seedingAt(t).insert('opportunity', opportunities.map((item) => ({ ...item.fields, partyId: partyId(t, item.party) }))));

  return seedings.map((seeding) => seeding.report(generateMs));
};
