import { uuidv7 } from 'uuidv7';
import type { RawPutReport } from '../../test/bench/bench-api';
import { generateDataset, planDataset, type PartyRef } from '../../test/bench/seed-data';
import { deleteDatabase } from './delete-database';

const SCRATCH_DB = 'locket-bench-scratch';

interface Row {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: null;
  readonly listKey: readonly [string, number];
  readonly links: readonly string[];
  readonly body: { readonly codec: 'plain'; readonly value: unknown };
}

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
const rowsFor = (total: number, seed: number, now: number): Row[] => {
  const plan = planDataset(total);
  const data = generateDataset(seed, plan);
  const ids = {
    organisation: data.organisations.map(() => uuidv7()),
    person: data.people.map(() => uuidv7()),
  };
  const row = (id: string, kind: string, links: (string | undefined)[], value: unknown): Row => ({
    id, kind, createdAt: now, updatedAt: now, deletedAt: null, listKey: [kind, now],
    links: links.filter((link): link is string => link !== undefined), body: { codec: 'plain', value },
  });
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
export const rawPut = async (factory: IDBFactory, total: number, seed: number): Promise<RawPutReport> => {
  const rows = rowsFor(total, seed, Date.now());
  await deleteDatabase(factory, SCRATCH_DB);
  const db = await openScratch(factory);
  try {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      for (const row of rows) store.put(row);
      tx.addEventListener('complete', () => resolve());
      tx.addEventListener('abort', () => reject(tx.error ?? new Error('raw put aborted')));
    });
    return { records: rows.length, putMs: performance.now() - started };
  } finally {
    db.close();
    await deleteDatabase(factory, SCRATCH_DB);
  }
};
