import { IDBFactory } from 'fake-indexeddb';
import { createManualClock, type ManualClock } from '../../../core/clock';
import type { ValueCodec } from '../../../core/codec';
import { createHlc } from '../../../core/hlc';
import { createIdFactory } from '../../../core/ids';
import { DAY_MS } from '../../../core/retention/windows';
import type { LocketStore } from '../../../core/store/contract';
import type { StoredChangeSet } from '../../../core/db/rows';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createStore, type StoreDeps } from '../../../core/store/store';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { createRecordingBus, START, TEST_AUDIT_KEYS, type RecordingBus } from '../store/harness';

export { person, saved } from '../store/harness';

/** An encrypting codec under a fresh account key: a plain value handed to it is refused. */
export const aesCodec = (): ValueCodec => createAesGcmCodec(crypto.getRandomValues(new Uint8Array(32)));

export interface TrashHarness {
  readonly store: LocketStore;
  readonly deps: StoreDeps;
  readonly db: LocketDatabase;
  readonly clock: ManualClock;
  readonly bus: RecordingBus;
}

/** A store whose deps are at hand, so a purger can be built beside it (with or without the codec). */
export const createTrashHarness = async (codec: ValueCodec = aesCodec(), author = 'owner'): Promise<TrashHarness> => {
  const db = await openLocketDb(new IDBFactory(), 'locket-trash-test');
  const clock = createManualClock(START);
  const bus = createRecordingBus();
  const deps: StoreDeps = {
    db, codec, clock, newId: createIdFactory(clock), hlc: createHlc({ clock, nodeId: 'device-a' }),
    deviceId: 'device-a', author, bus, auditKeys: TEST_AUDIT_KEYS,
  };
  return { store: createStore(deps), deps, db, clock, bus };
};

export const days = (n: number): number => n * DAY_MS;

/** Every change set that mentions the record, as stored. */
export const setsAbout = (db: LocketDatabase, id: string): Promise<StoredChangeSet[]> =>
  db.getAllFromIndex('changes', 'byRecord', id);

export const note = (recordId: string, body: string) => ({ body, recordId, sourceUrl: null, capturedAt: null });
