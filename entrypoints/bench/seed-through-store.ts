import type { ValueCodec } from '../../core/codec';
import type { LocketRecord, RecordKind } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';
import type { StoreSeedReport } from '../../test/bench/bench-api';
import {
  caseAt, opportunityAt, organisationAt, personAt, planDataset, SEED_REFERENCE_FIELD, type PartyRef,
} from '../../test/bench/seed-data';

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

/**
 * Seeds a plan through store.insertMany, kind by kind, so links point at real ids:
 * organisations, then people (linked to them), then cases and opportunities (linked to
 * either). Only the insertMany calls are timed as the insert figure. `codec` is the
 * store's own: encoding the same inputs once more, apart, tells how much of the insert
 * time is the codec's (encryption) rather than IndexedDB's.
 */
export const seedThroughStore = async (
  store: LocketStore,
  codec: ValueCodec,
  total: number,
  seed: number,
): Promise<StoreSeedReport> => {
  const plan = planDataset(total);
  const byKind: { kind: string; records: number; ms: number }[] = [];
  let generateMs = 0;
  let resolveLinksMs = 0;
  let encodeMs = 0;
  let inserted = 0;
  let invalid = 0;
  let firstInvalid: string | null = null;

  const timed = async <T>(work: () => T | Promise<T>, add: (ms: number) => void): Promise<T> => {
    const started = performance.now();
    const result = await work();
    add(performance.now() - started);
    return result;
  };
  const generate = <T>(count: number, at: (index: number) => T) =>
    timed(() => Array.from({ length: count }, (_, index) => at(index)), (ms) => { generateMs += ms; });
  const resolve = <T>(work: () => Promise<T>) => timed(work, (ms) => { resolveLinksMs += ms; });
  const insert = async (kind: RecordKind, inputs: readonly unknown[]): Promise<void> => {
    const report = await timed(() => store.insertMany(kind, inputs), (ms) => { byKind.push({ kind, records: inputs.length, ms }); });
    await timed(() => codec.encodeMany(inputs), (ms) => { encodeMs += ms; });
    inserted += report.inserted;
    invalid += report.invalid.length;
    const first = report.invalid[0];
    if (firstInvalid === null && first) firstInvalid = `${kind} #${first.index}: ${JSON.stringify(first.errors)}`;
  };

  await insert('organisation', await generate(plan.organisations, (i) => organisationAt(seed, i)));
  const organisationIds = await resolve(() => readBackIds(store, 'organisation', plan.organisations));

  const people = await generate(plan.people, (i) => {
    const person = personAt(seed, i, plan);
    const organisationId = person.organisationIndex === null ? null : organisationIds[person.organisationIndex] ?? null;
    return { ...person.fields, organisationId };
  });
  await insert('person', people);
  const personIds = await resolve(() => readBackIds(store, 'person', plan.people));

  const partyId = (party: PartyRef): string | null =>
    party === null ? null : (party.kind === 'person' ? personIds : organisationIds)[party.index] ?? null;
  await insert('case', await generate(plan.cases, (i) => {
    const item = caseAt(seed, i, plan);
    return { ...item.fields, partyId: partyId(item.party) };
  }));
  await insert('opportunity', await generate(plan.opportunities, (i) => {
    const item = opportunityAt(seed, i, plan);
    return { ...item.fields, partyId: partyId(item.party) };
  }));

  return {
    records: inserted,
    invalid,
    firstInvalid,
    insertMs: byKind.reduce((sum, part) => sum + part.ms, 0),
    byKind,
    encodeMs,
    generateMs,
    resolveLinksMs,
  };
};
