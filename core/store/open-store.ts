import type { AuditKeys } from '../audit/hash';
import type { ValueCodec } from '../codec';
import type { Clock } from '../clock';
import { createHlc } from '../hlc';
import { createIdFactory } from '../ids';
import type { ChangeBus } from '../db/change-bus';
import type { LocketStore } from './contract';
import { loadDeviceId } from '../db/device';
import { openLocketDb, type LocketDatabase } from '../db/schema';
import { createStore, type StoreDeps } from './store';

export interface OpenStoreOptions {
  /** The IndexedDB to use: the page's or worker's own, or fake-indexeddb in tests. */
  readonly factory: IDBFactory;
  /** One database per account. */
  readonly name: string;
  readonly codec: ValueCodec;
  readonly clock: Clock;
  /** Owned by the caller; store.close() leaves it open. */
  readonly bus: ChangeBus;
  /** Who the change log credits with this store's writes. */
  readonly author: string;
  /** The audit key; absent only for a sweep while locked. */
  readonly auditKeys?: AuditKeys | null;
}

/** The newest change-log key, so a restarted clock never reissues a timestamp (the key would collide). */
const newestChangeStamp = async (db: LocketDatabase): Promise<string | undefined> => {
  const cursor = await db.transaction('changes').store.openKeyCursor(null, 'prev');
  return cursor?.key;
};

/**
 * Opens (and migrates) the database and wires a store to it: the one call pages, the worker
 * and tests use.
 *
 * Several contexts of one install (side panel, popup, worker) share its device id but each
 * has its own clock. Their HLC node ids therefore carry a per-session suffix: two contexts
 * writing in the same millisecond must not mint the same change-log key. Each change set
 * still names the device itself.
 */
export const openStore = async (options: OpenStoreOptions): Promise<LocketStore> => createStore(await openStoreDeps(options));

/**
 * The database and everything a store is built from, for the few modules that need rows as
 * stored (archives, sweeps) beside the store itself. The caller closes `db`.
 */
export const openStoreDeps = async ({ factory, name, codec, clock, bus, author, auditKeys = null }: OpenStoreOptions): Promise<StoreDeps> => {
  const db = await openLocketDb(factory, name);
  try {
    const newId = createIdFactory(clock);
    const deviceId = await loadDeviceId(db, newId);
    const last = await newestChangeStamp(db);
    // The tail of a UUIDv7 is random: enough to tell this session's timestamps from a sibling's.
    const nodeId = `${deviceId}:${newId().slice(-12)}`;
    const hlc = createHlc({ clock, nodeId, last });
    return { db, codec, clock, newId, hlc, deviceId, author, bus, auditKeys };
  } catch (error) {
    db.close();
    throw error;
  }
};
