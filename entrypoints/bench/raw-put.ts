import { unwrap } from 'idb';
import { uuidv7 } from 'uuidv7';
import { openLocketDb } from '../../core/db/schema';
import type { RawPutReport } from '../../test/bench/bench-api';
import { generateDataset, planDataset, type PartyRef } from '../../test/bench/seed-data';
import { deleteDatabase } from './delete-database';
import { bareWrite } from './bare-write';

const SCRATCH_DB = 'locket-bench-scratch';
const SCHEMA_DB = 'locket-bench-schema-floor';
/** As insertMany: records per transaction, each transaction one change set. */
const FLOOR_BATCH = 1000;

/** A record as stored, plain: what the floors put. */
export interface FloorRow {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: null;
  readonly listKey: readonly [string, number];
  readonly links: readonly string[];
  readonly body: { readonly codec: 'plain'; readonly value: unknown };
}

/** A record of `kind` as a stored row would hold it, live, with its list key. */
export const floorRow = (id: string, kind: string, now: number, links: readonly string[], value: unknown): FloorRow => ({
  id, kind, createdAt: now, updatedAt: now, deletedAt: null, listKey: [kind, now], links, body: { codec: 'plain', value },
});

const openScratch = (factory: IDBFactory): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = factory.open(SCRATCH_DB, 1);
    request.addEventListener('upgradeneeded', () => {
      request.result.createObjectStore('records', { keyPath: 'id' });
    });
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new Error('open failed')));
  });

/** The seeded records as record-shaped rows with ids and links already filled in. */
const rowsFor = (total: number, seed: number, now: number): FloorRow[] => {
  const plan = planDataset(total);
  const data = generateDataset(seed, plan);
  const ids = {
    organisation: data.organisations.map(() => uuidv7()),
    person: data.people.map(() => uuidv7()),
  };
  const row = (id: string, kind: string, links: (string | undefined)[], value: unknown): FloorRow =>
    floorRow(id, kind, now, links.filter((link): link is string => link !== undefined), value);
  const partyId = (party: PartyRef) =>
    party ? ids[party.kind][party.index] : undefined;
  return [
    ...data.organisations.map((fields, i) => row(ids.organisation[i] ?? uuidv7(), 'organisation', [], fields)),
    ...data.people.map((p, i) => {
      const organisationId = p.organisationIndex === null ? undefined : ids.organisation[p.organisationIndex];
      return row(ids.person[i] ?? uuidv7(), 'person', [organisationId], { ...p.fields, organisationId: organisationId ?? null });
    }),
    ...data.cases.map((c) => row(uuidv7(), 'case', [partyId(c.party)], { ...c.fields, partyId: partyId(c.party) ?? null })),
    ...data.opportunities.map((o) =>
      row(uuidv7(), 'opportunity', [partyId(o.party)], { ...o.fields, partyId: partyId(o.party) ?? null })),
  ];
};

/**
 * The floor the store is compared with: the same records, shaped like stored rows, put
 * with bare IndexedDB in one readwrite transaction into an object store with no indexes
 * and no change log. Only the transaction is timed; building the rows is not.
 */
export const rawPut = async (factory: IDBFactory, total: number, seed: number): Promise<Omit<RawPutReport, 'schemaFloorMs'>> => {
  const rows = rowsFor(total, seed, Date.now());
  await deleteDatabase(factory, SCRATCH_DB);
  const db = await openScratch(factory);
  try {
    const started = performance.now();
    await bareWrite(db, 'records', (tx) => {
      const store = tx.objectStore('records');
      for (const row of rows) store.put(row);
    });
    return { records: rows.length, putMs: performance.now() - started };
  } finally {
    db.close();
    await deleteDatabase(factory, SCRATCH_DB);
  }
};

/**
 * What an insert must write beside the records, with nothing else: the same rows put with bare
 * IndexedDB into a database of Locket's own schema (so with the records' indexes), per
 * transaction of 1000 as insertMany does, each with its change set (every field of every record,
 * unencrypted, and the ids the change log indexes) and its outbox row. No validation, no codec.
 */
export const schemaFloor = (factory: IDBFactory, total: number, seed: number): Promise<number> =>
  schemaFloorOf(factory, rowsFor(total, seed, Date.now()));

/** `schemaFloor` over rows given: an import's records. Only the transactions are timed. */
export const schemaFloorOf = async (factory: IDBFactory, rows: readonly FloorRow[]): Promise<number> => {
  await deleteDatabase(factory, SCHEMA_DB);
  const db = await openLocketDb(factory, SCHEMA_DB);
  // Bare requests on the underlying database: idb's wrapper would add a promise per request.
  const raw = unwrap(db);
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += FLOOR_BATCH) {
      const batch = rows.slice(start, start + FLOOR_BATCH);
      await bareWrite(raw, ['records', 'changes', 'outbox'], (tx) => {
        const records = tx.objectStore('records');
        for (const row of batch) records.add(row);
        const hlc = `floor-${String(start).padStart(9, '0')}`;
        tx.objectStore('changes').add({
          hlc, deviceId: 'bench', author: 'owner',
          changes: batch.map((row) => ({ recordId: row.id, kind: row.kind, op: 'create', changed: Object.keys(row.body.value as object) })),
          values: { codec: 'plain', value: batch.map((row) => row.body.value) },
          recordIds: batch.map((row) => row.id),
        });
        tx.objectStore('outbox').add({ setId: hlc });
      });
    }
    return performance.now() - started;
  } finally {
    db.close();
    await deleteDatabase(factory, SCHEMA_DB);
  }
};
