import { deriveAuditKeys } from '../../../core/audit/hash';
import { IDBFactory } from 'fake-indexeddb';
import { createManualClock, type ManualClock } from '../../../core/clock';
import { CONFIRM_AFTER_MS } from '../../../core/retention/clock-trust';
import { DAY_MS } from '../../../core/retention/windows';
import type { ChangeBus } from '../../../core/db/change-bus';
import type { LocketStore } from '../../../core/store/contract';
import type { StoredRecord } from '../../../core/db/rows';
import { openStore } from '../../../core/store/open-store';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import type { SweepReport, SweepTrigger } from '../../../worker/sweep-contract';
import type { LockPort, SweepPorts } from '../../../worker/sweep/ports';
import { createSweepRunner } from '../../../worker/sweep/runner';

export const START = Date.UTC(2025, 2, 3, 10, 0, 0);
export const DAY = DAY_MS;
const NAME = 'locket-sweep-test';

/** Web Locks' ifAvailable, within one test: a second request while the first holds the name gets null. */
export const createMemoryLock = (): LockPort => {
  const held = new Set<string>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T | null> => {
    if (held.has(name)) return null;
    held.add(name);
    try {
      return await work();
    } finally {
      held.delete(name);
    }
  };
};

const silentBus: ChangeBus = { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined };

export interface SweepHarness {
  readonly factory: IDBFactory;
  readonly name: string;
  readonly clock: ManualClock;
  readonly accountKey: Uint8Array;
  /** The owner's store, encrypting with accountKey; closes itself if the sweep deletes the database. */
  readonly store: LocketStore;
  /** A connection of the test's own for looking at raw rows. */
  readonly db: LocketDatabase;
  readonly lock: LockPort;
  /** Runs one sweep at the clock's time; `ports` replaces any port for this sweep only. */
  readonly sweep: (options?: { readonly key?: boolean; readonly trigger?: SweepTrigger; readonly ports?: Partial<SweepPorts> }) => Promise<SweepReport | null>;
  /**
   * A sweep after the device was closed for more than a day: the first one only notes the clock
   * (and must say so), a second an hour later agrees and does the work; returns the second.
   */
  readonly sweepAfterGap: (options?: Parameters<SweepHarness['sweep']>[0]) => Promise<SweepReport | null>;
  /** Moves the clock to `days` days after START. */
  readonly atDay: (days: number) => void;
}

/** An account on its own in-memory IndexedDB: a vault row (so it exists) and an unlocked store. */
export const createSweepHarness = async (): Promise<SweepHarness> => {
  const factory = new IDBFactory();
  const clock = createManualClock(START);
  const accountKey = crypto.getRandomValues(new Uint8Array(32));
  const store = await openStore({ factory, name: NAME, codec: createAesGcmCodec(accountKey), clock, bus: silentBus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey) });
  const db = await openLocketDb(factory, NAME);
  await db.put('vault', { stands: 'for the account' }, 'vault');
  const lock = createMemoryLock();
  const sweep: SweepHarness['sweep'] = ({ key = true, trigger = 'page', ports = {} } = {}) =>
    createSweepRunner({ factory, name: NAME, clock, lock, bus: silentBus, storageEstimate: () => Promise.resolve(null), ...ports })
      .sweep({ trigger, accountKey: key ? accountKey : null });
  return {
    factory, name: NAME, clock, accountKey, store, db, lock, sweep,
    sweepAfterGap: async (options) => {
      const first = await sweep(options);
      if (first?.held?.type !== 'clock-jumped') throw new Error(`Expected the first sweep after a gap to be held, got ${JSON.stringify(first?.held)}`);
      clock.advance(CONFIRM_AFTER_MS);
      return sweep(options);
    },
    atDay: (days) => clock.set(START + days * DAY),
  };
};

export const sweptOk = (report: SweepReport | null): SweepReport => {
  if (!report) throw new Error('Expected the sweep to run, but another sweep held the lock');
  if (report.error !== null) throw new Error(`Expected the sweep to finish: ${JSON.stringify(report.error)}`);
  return report;
};

/** Raw trashed rows, as many as a large sweep needs, written in one transaction. */
export const seedTrashedRows = async (db: LocketDatabase, count: number, deletedAt: number, newId: () => string): Promise<string[]> => {
  const tx = db.transaction('records', 'readwrite');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row: StoredRecord = {
      id: newId(), kind: 'person', createdAt: deletedAt - DAY, updatedAt: deletedAt, deletedAt, deletedBy: 'owner',
      links: [], body: { codec: 'plain', value: { firstName: `P${i}` } },
    };
    ids.push(row.id);
    void tx.store.put(row);
  }
  await tx.done;
  return ids;
};

export const trashCount = (db: LocketDatabase): Promise<number> => db.countFromIndex('records', 'trash');

/** Change sets naming a record that is no longer stored: none may remain after a purge. */
export const danglingChangeSets = async (db: LocketDatabase): Promise<string[]> => {
  const [sets, ids] = await Promise.all([db.getAll('changes'), db.getAllKeys('records')]);
  const stored = new Set(ids);
  return sets.filter((set) => set.changes.some((change) => change.op !== 'purge' && !stored.has(change.recordId))).map((set) => set.hlc);
};
