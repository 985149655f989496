import { deriveAuditKeys } from '../../../core/audit/hash';
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { IDBFactory } from 'fake-indexeddb';
import { createManualClock, type ManualClock } from '../../../core/clock';
import { recordAad, type ValueCodec } from '../../../core/codec';
import { createHlc } from '../../../core/hlc';
import { createIdFactory } from '../../../core/ids';
import type { LocketRecord } from '../../../core/records/types';
import type { LocketStore } from '../../../core/store/contract';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createStore, type StoreDeps } from '../../../core/store/store';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import type { ArchiveWorkerApi } from '../../../worker/api';
import { createArchiveApi } from '../../../worker/archive-api';
import { createRecordingBus, START, type RecordingBus } from '../store/harness';

export const TEST_KDF_ITERATIONS = 1000;
export const PASSWORD = 'correct horse battery';

export interface ArchiveHarness {
  readonly deps: StoreDeps;
  readonly store: LocketStore;
  readonly archive: ArchiveWorkerApi;
  readonly db: LocketDatabase;
  readonly clock: ManualClock;
  readonly bus: RecordingBus;
  readonly codec: ValueCodec;
}

/** A store on its own in-memory IndexedDB, encrypted under a random account key, with the archive API beside it. */
export const createArchiveHarness = async (accountKey = crypto.getRandomValues(new Uint8Array(32))): Promise<ArchiveHarness> => {
  const db = await openLocketDb(new IDBFactory(), 'locket-archive-test');
  const clock = createManualClock(START);
  const bus = createRecordingBus();
  const codec = createAesGcmCodec(accountKey);
  const deps: StoreDeps = {
    db, codec, clock, newId: createIdFactory(clock), hlc: createHlc({ clock, nodeId: 'device-a' }),
    deviceId: 'device-a', author: 'owner@example.com', bus, auditKeys: await deriveAuditKeys(accountKey),
  };
  const store = createStore(deps);
  return { deps, store, archive: createArchiveApi({ storeDeps: deps, store, kdfIterations: TEST_KDF_ITERATIONS }), db, clock, bus, codec };
};

export const saved = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`Expected success: ${JSON.stringify(result.error)}`);
  return result.value;
};

export const noProgress = (): void => undefined;

/** An account with a bit of everything: linked records, notes, the trash (with who trashed it), settings and audit entries. */
export const seedAccount = async (harness: ArchiveHarness) => {
  const { store, db, clock } = harness;
  const org = saved(await store.create('organisation', { name: 'Acme Ltd', domain: 'acme.example' }));
  clock.advance(1000);
  const ada = saved(await store.create('person', { firstName: 'Ada', lastName: 'Lovelace', organisationId: org.id, emails: ['ada@acme.example'] }));
  const bert = saved(await store.create('person', { firstName: 'Bert', lastName: 'Binner', emails: ['bert@example.org'] }));
  saved(await store.create('note', { body: 'Ada prefers tea', recordId: ada.id }));
  const kase = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
  saved(await store.create('opportunity', { name: 'Big deal', partyId: bert.id, currency: 'EUR', value: 1200 }));
  const bertNote = saved(await store.create('note', { body: 'Bert called twice', recordId: bert.id }));
  clock.advance(1000);
  await store.remove(bert.id);
  // The trash remembers who moved a record there; make sure the rows carry it whatever the store version.
  for (const id of [bert.id, bertNote.id]) {
    const row = await db.get('records', id);
    if (row && row.deletedBy === undefined) await db.put('records', { ...row, deletedBy: 'owner@example.com' });
  }
  saved(await store.saveSettings({ ownerName: 'Olive Owner', ownerEmail: 'olive@example.com', defaultCurrency: 'GBP' }));
  await store.audit.append({ type: 'export-taken', by: 'owner', subjects: [], detail: { rows: 3 } });
  clock.advance(1000);
  return { org, ada, bert, kase, bertNote };
};

/** What the owner can see of the data: every record decoded (trash included), who trashed it, and the settings. */
export const visibleData = async ({ db, codec, store }: ArchiveHarness) => {
  const rows = await db.getAll('records');
  const bodies = await codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad));
  const records = rows.map((row, index) => ({
    id: row.id, kind: row.kind, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt,
    deletedBy: row.deletedBy ?? null, links: row.links, listed: row.listKey !== undefined, fields: bodies[index],
  }));
  return { records, settings: await store.getSettings() };
};

/**
 * A fingerprint of every object store as stored (keys and values, ciphertext included), to
 * prove a refused restore wrote nothing at all. Hashed because deep-comparing megabytes of
 * bytes element by element takes the test runner seconds.
 */
export const rawDatabase = async (db: LocketDatabase): Promise<Record<string, string>> => {
  const names = ['records', 'changes', 'settings', 'meta', 'audit', 'suppressed', 'snapshots', 'snapshotChunks'] as const;
  const entries = await Promise.all(names.map(async (name) => {
    const tx = db.transaction(name);
    const stored = { keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
    return [name, createHash('sha256').update(serialize(stored)).digest('hex')] as const;
  }));
  return Object.fromEntries(entries);
};

export const fieldsOf = (record: LocketRecord | undefined) => record?.fields;
