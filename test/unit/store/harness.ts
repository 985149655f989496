import { auditKeysFrom } from '../../../core/audit/hash';
import { IDBFactory } from 'fake-indexeddb';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import { createManualClock, type ManualClock } from '../../../core/clock';
import { createHlc } from '../../../core/hlc';
import { createIdFactory } from '../../../core/ids';
import type { ChangeBus, StoreChange } from '../../../core/db/change-bus';
import type { LocketStore } from '../../../core/store/contract';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createStore, type StoreDeps } from '../../../core/store/store';

export const START = Date.UTC(2025, 0, 15, 9, 0, 0);

/** The audit key of test stores: fixed, so tests can hash ids as the store does. */
export const TEST_AUDIT_KEYS = auditKeysFrom(new Uint8Array(32).fill(7));

/** A bus that remembers what was published, so tests can tell whether a write was announced. */
export interface RecordingBus extends ChangeBus {
  readonly published: StoreChange[];
}

export const createRecordingBus = (): RecordingBus => {
  const published: StoreChange[] = [];
  return {
    published,
    publish: (change) => { published.push(change); },
    subscribe: () => () => undefined,
    close: () => undefined,
  };
};

export interface Harness {
  readonly store: LocketStore;
  readonly db: LocketDatabase;
  readonly clock: ManualClock;
  readonly bus: RecordingBus;
  readonly factory: IDBFactory;
  /** What the store was built from, to build a second context's store on the same database. */
  readonly deps: StoreDeps;
}

/** A store on its own in-memory IndexedDB, with the real id factory and clock; deps can be swapped. */
export const createHarness = async (overrides: Partial<StoreDeps> = {}, codec: ValueCodec = plainCodec): Promise<Harness> => {
  const factory = new IDBFactory();
  const db = await openLocketDb(factory, 'locket-test');
  const clock = createManualClock(START);
  const bus = createRecordingBus();
  const deps: StoreDeps = {
    db,
    codec,
    clock,
    newId: createIdFactory(clock),
    hlc: createHlc({ clock, nodeId: 'device-a' }),
    deviceId: 'device-a',
    author: 'owner@example.com',
    bus,
    auditKeys: TEST_AUDIT_KEYS,
    ...overrides,
  };
  return { store: createStore(deps), db, clock, bus, factory, deps };
};

/** A codec whose stored form does not show the value, as an encrypting one would. */
export const opaqueCodec: ValueCodec = {
  encode: async (value) => ({ codec: 'plain', value: Buffer.from(JSON.stringify(value)).toString('base64') }),
  decode: async (encoded) => {
    if (encoded.codec !== 'plain' || typeof encoded.value !== 'string') throw new Error('not written by this codec');
    return JSON.parse(Buffer.from(encoded.value, 'base64').toString('utf8'));
  },
  encodeMany: async (values, aads) => Promise.all(values.map((value, index) => opaqueCodec.encode(value, aads[index] ?? ''))),
  decodeMany: async (encoded, aads) => Promise.all(encoded.map((value, index) => opaqueCodec.decode(value, aads[index] ?? ''))),
};

/** `inner` (the opaque codec unless given), counting every value it decodes: what a read costs. */
export const countingCodec = (inner: ValueCodec = opaqueCodec) => {
  let decoded = 0;
  const codec: ValueCodec = {
    ...inner,
    decode: (value, aad) => { decoded += 1; return inner.decode(value, aad); },
    decodeMany: (values, aads) => { decoded += values.length; return inner.decodeMany(values, aads); },
  };
  return { codec, decoded: () => decoded, reset: () => { decoded = 0; } };
};

export const person = (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
  ({ firstName, lastName, ...extra });

/** Unwraps a save result, failing the test with the field errors if it was refused. */
export const saved = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`Expected the save to succeed: ${JSON.stringify(result.error)}`);
  return result.value;
};
