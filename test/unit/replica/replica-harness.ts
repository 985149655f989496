import { createManualClock, type ManualClock } from '../../../core/clock';
import { createHlc } from '../../../core/hlc';
import { openReplica } from '../../../core/replica/open-replica';
import { SYNC_IDENTITY_KEY } from '../../../core/sync-account/identity-store';
import type { LocketRecord } from '../../../core/records/types';
import type { ReplicaPort, SyncCursor } from '../../../core/sync/ports';
import { createHarness, START, type Harness } from '../store/harness';

export interface Device extends Harness {
  readonly replica: ReplicaPort;
  /** The relay's log position this device has read up to, as the engine would keep it. */
  seq: number;
}

/** The identity a device connected to a relay keeps in `meta`; its secrets do not matter to the replica. */
export const connectToRelay = (harness: Pick<Harness, 'db'>, deviceId: string): Promise<unknown> => harness.db.put('meta', {
  relayUrl: 'https://relay.example', team: 'team-1', deviceId, deviceName: deviceId, epoch: 1, secrets: null,
}, SYNC_IDENTITY_KEY);

/** One device, connected to a relay: its own database, clock and HLC node; `clock` may be shared so tests order writes by hand. */
export const device = async (name: string, clock: ManualClock = createManualClock(START)): Promise<Device> => {
  const hlc = createHlc({ clock, nodeId: name });
  const harness = await createHarness({ clock, hlc, deviceId: name, newId: idsFor(name, clock) });
  await connectToRelay(harness, name);
  return { ...harness, clock, replica: openReplica({ ...harness.deps, hlc }), seq: 0 };
};

/** UUIDv7-like ids that differ per device even at the same millisecond. */
const idsFor = (name: string, clock: ManualClock) => {
  let n = 0;
  return () => `${String(clock.now()).padStart(13, '0')}-${name}-${String(n++).padStart(6, '0')}`;
};

export const cursorAt = (seq: number): SyncCursor => ({ relayInstance: 'relay-1', seq });

/** Hands `from`'s pending sets to `to`, as a relay would, and acknowledges them to `from`. */
export const deliver = async (from: Device, to: Device) => {
  const entries = await from.replica.pending(100);
  to.seq += entries.length;
  const outcome = await to.replica.applyRemote(entries.map((entry) => entry.set), cursorAt(to.seq));
  const last = entries.at(-1);
  if (last) await from.replica.acknowledge(last.clientSeq);
  return { entries, outcome };
};

/** Both ways, so both devices hold every set. */
export const exchange = async (a: Device, b: Device): Promise<void> => {
  await deliver(a, b);
  await deliver(b, a);
};

/** What a user sees of a record, by id: its kind, fields and whether it is in the trash. */
export const visible = (record: LocketRecord | undefined) =>
  record && { id: record.id, kind: record.kind, fields: record.fields, deletedAt: record.deletedAt, createdAt: record.createdAt };

export const everyRecord = async (d: Device) => {
  const rows = await d.db.getAll('records');
  const records = await d.store.getMany(rows.map((row) => row.id));
  return records.map(visible).sort((x, y) => ((x?.id ?? '') < (y?.id ?? '') ? -1 : 1));
};
