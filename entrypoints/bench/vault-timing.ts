import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { plainCodec, type ValueCodec } from '../../core/codec';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import type { LocketStore } from '../../core/store/contract';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { defaultVaultDeps } from '../../core/vault/deps';
import { createVault, unlockWithPassword } from '../../core/vault/vault';
import type { ReadReport, ReadTarget, UnlockReport } from '../../test/bench/bench-api';
import { sessionAccountKey } from './bench-account';
import { deleteDatabase } from './delete-database';

/** Same schema as the account's database (openStore migrates it), plain codec: the encryption-off twin. */
const PLAIN_DB = 'locket-bench-plain';
/** Its own channel: the plain store pays for publishing as the real one does, but no surface hears it. */
const PLAIN_CHANNEL = 'locket-bench-plain-changes';
const UNLOCK_PASSWORD = 'bench unlock timing password 2718';
/** Bench stores hash ids for the audit log like any other; the key itself is not what is measured. */
const benchAuditKeys = deriveAuditKeys(crypto.getRandomValues(new Uint8Array(32)));

const withStore = async <T>(name: string, codec: ValueCodec, channel: string | undefined, work: (store: LocketStore) => Promise<T>): Promise<T> => {
  const bus = createBroadcastBus(channel);
  try {
    const store = await openStore({ factory: indexedDB, name, codec, clock: systemClock, bus, author: 'owner', auditKeys: await benchAuditKeys });
    try {
      return await work(store);
    } finally {
      store.close();
    }
  } finally {
    bus.close();
  }
};

/** A wiped scratch database of the account's schema, behind a store with the plain codec; the caller closes it. */
export const openPlainTwin = async (): Promise<{ readonly store: LocketStore; readonly close: () => void }> => {
  await deleteDatabase(indexedDB, PLAIN_DB);
  const bus = createBroadcastBus(PLAIN_CHANNEL);
  try {
    const store = await openStore({ factory: indexedDB, name: PLAIN_DB, codec: plainCodec, clock: systemClock, bus, author: 'owner', auditKeys: await benchAuditKeys });
    return { store, close: () => { store.close(); bus.close(); } };
  } catch (error) {
    bus.close();
    throw error;
  }
};

export const dropPlain = (): Promise<void> => deleteDatabase(indexedDB, PLAIN_DB);

/** Every live record through forEachBatch(1000), decoding included; opening the store is outside the time. */
export const readAll = async (target: ReadTarget): Promise<ReadReport> => {
  const codec = target === 'plain' ? plainCodec : createAesGcmCodec(await sessionAccountKey());
  const name = target === 'plain' ? PLAIN_DB : LOCKET_DB_NAME;
  return withStore(name, codec, target === 'plain' ? PLAIN_CHANNEL : undefined, async (store) => {
    let records = 0;
    const started = performance.now();
    await store.forEachBatch(1000, (batch) => { records += batch.length; });
    return { records, ms: performance.now() - started };
  });
};

/** Every live record of the account's database as JSON, in bytes: the raw data an index is measured beside. */
export const rawDataBytes = async (): Promise<number> =>
  withStore(LOCKET_DB_NAME, createAesGcmCodec(await sessionAccountKey()), undefined, async (store) => {
    let bytes = 0;
    const encoder = new TextEncoder();
    await store.forEachBatch(1000, (batch) => { for (const record of batch) bytes += encoder.encode(JSON.stringify(record)).length; });
    return bytes;
  });

/**
 * Unlock as the vault does it, without the session, throttle or login log around it:
 * PBKDF2-SHA256 at the default iterations, then unwrapping the account key.
 */
export const timeUnlock = async (runs: number): Promise<UnlockReport> => {
  const deps = defaultVaultDeps();
  const createStarted = performance.now();
  const { record } = await createVault(UNLOCK_PASSWORD, deps);
  const createMs = performance.now() - createStarted;
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await unlockWithPassword(record, UNLOCK_PASSWORD, deps);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`unlockWithPassword refused the password it was created with: ${result.error}`);
  }
  return { iterations: record.kdf.iterations, createMs, samples };
};
