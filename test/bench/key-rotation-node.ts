/**
 * Time to move an account to a new account key (core/vault/rotate-stored-data.ts) with
 * N records, in Node on fake-indexeddb (not a browser: IndexedDB itself is slower or faster
 * there). Each record has one note and one change set from its creation; a snapshot copies
 * them all. `npx tsx test/bench/key-rotation-node.ts [records]`
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deriveAuditKeys } from '../../core/audit/hash';
import { createManualClock } from '../../core/clock';
import { createIdFactory } from '../../core/ids';
import { takeSnapshot } from '../../core/snapshots/snapshots';
import { openStore } from '../../core/store/open-store';
import { openLocketDb } from '../../core/db/schema';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { rotateStoredData } from '../../core/vault/rotate-stored-data';
import type { VaultRecord } from '../../core/vault/types';

const RECORDS = Number(process.argv[2] ?? 10_000);
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const clock = createManualClock(Date.UTC(2026, 0, 1));
const factory = new IDBFactory();
const oldKey = random(32);
const newKey = random(32);
const bus = { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined };
const store = await openStore({
  factory, name: 'bench', codec: createAesGcmCodec(oldKey), clock, bus, author: 'owner', auditKeys: await deriveAuditKeys(oldKey),
});
const people = Array.from({ length: RECORDS }, (_, index) => ({ firstName: `Person${index}`, lastName: 'Example', emails: [`p${index}@example.com`] }));
await store.insertMany('person', people);
const db = await openLocketDb(factory, 'bench');
await takeSnapshot(db, { clock, newId: createIdFactory(clock), reason: 'daily' });
const vault = { wrappedAccountKey: { iv: random(12), data: random(48) } } as unknown as VaultRecord;
await db.put('vault', vault, 'vault');

const cpuBefore = process.cpuUsage();
const started = performance.now();
let prepared = 0;
let preparedAt = 0;
await rotateStoredData(db, clock, {
  from: { accountKey: oldKey, factorSecret: null }, to: { accountKey: newKey, factorSecret: null },
  record: vault, before: vault, audit: { type: 'key-removed', by: 'owner', subjects: [], detail: { keys: 1 } },
  onProgress: (rows) => { prepared = rows; preparedAt = performance.now(); },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(`${RECORDS} records (${prepared} rows re-encrypted, snapshot included): ${seconds.toFixed(2)} s, of which reading and re-encrypting ${((preparedAt - started) / 1000).toFixed(2)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
store.close();
db.close();
