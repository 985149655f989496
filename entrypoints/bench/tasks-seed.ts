import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb } from '../../core/db/schema';
import type { RecordId } from '../../core/records/types';
import { addDays } from '../../core/tasks/due-buckets';
import { dateInZone } from '../../core/tasks/due-instant';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import { openStore } from '../../core/store/open-store';
import type { LocketStore } from '../../core/store/contract';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { TasksSeedReport } from '../../test/bench/bench-api';
import { createRandom } from '../../test/bench/seed-random';
import { sessionAccountKey } from './bench-account';

const CHUNK = 1000;
/** The timeline's record gets this many entries, a quarter of each source. */
export const TIMELINE_ENTRIES = 1000;
const TIMES = ['08:30', '09:00', '10:15', '13:45', '16:30'] as const;

/** Ids of the seeded people and organisations, read from the clear list index: the tasks' records. */
const recordIds = async (limit: number): Promise<RecordId[]> => {
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    const range = (kind: string) => IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]);
    const [people, organisations] = await Promise.all([
      db.getAllKeysFromIndex('records', 'list', range('person'), limit),
      db.getAllKeysFromIndex('records', 'list', range('organisation'), limit),
    ]);
    return [...people, ...organisations];
  } finally {
    db.close();
  }
};

/**
 * Task i's place among the Tasks view's sections, in the device's zone: overdue, today, the
 * next 7 days, later, done (a fifth each); half the dated ones have a time, so a reminder.
 */
const taskAt = (seed: number, index: number, owners: readonly RecordId[], now: number) => {
  const random = createRandom(seed, 11, index);
  const zone = deviceTimeZone();
  const today = dateInZone(now, zone);
  const bucket = index % 5;
  const offset = [-(1 + random.int(60)), 0, 1 + random.int(7), 8 + random.int(365), -(1 + random.int(30))][bucket] ?? 0;
  const timed = bucket !== 4 && random.chance(0.5);
  return {
    description: `Follow up ${index}`,
    recordId: owners.length > 0 ? owners[random.int(owners.length)] ?? null : null,
    dueDate: addDays(today, offset),
    dueTime: timed ? random.pick(TIMES) : null,
    timeZone: zone,
    category: random.pick(['call', 'email', 'meeting', 'follow-up', '']),
    doneAt: bucket === 4 ? now - random.int(30 * 86_400_000) : null,
  };
};

/**
 * One person with TIMELINE_ENTRIES entries written one by one, so their times interleave:
 * a note, a logged call, a done task and a change of the job title, in turn.
 */
const seedTimelineRecord = async (store: LocketStore): Promise<RecordId> => {
  const created = await store.create('person', { firstName: 'Tilda', lastName: 'Timeline', jobTitle: 'Buyer' });
  if (!created.ok) throw new Error(`The timeline's person was refused: ${JSON.stringify(created.error)}`);
  const id = created.value.id;
  for (let i = 0; i < TIMELINE_ENTRIES; i += 1) {
    const written = i % 4 === 0 ? await store.create('note', { body: `Note ${i} about the rollout`, recordId: id })
      : i % 4 === 1 ? await store.create('activity', { type: 'call', recordId: id, occurredAt: Date.now(), durationMinutes: 10, outcome: `Call ${i}` })
      : i % 4 === 2 ? await store.create('task', { description: `Task ${i}`, recordId: id, doneAt: Date.now() })
      : await store.update(id, 'person', { jobTitle: `Buyer ${i}` });
    if (!written.ok) throw new Error(`Timeline entry ${i} was refused: ${JSON.stringify(written.error)}`);
  }
  return id;
};

/**
 * Seeds `count` tasks through store.insertMany with the account's codec, linked to seeded
 * people and organisations, then the timeline's record. Nothing here is timed as a figure.
 */
export const seedTasks = async (count: number, seed: number): Promise<TasksSeedReport> => {
  const started = performance.now();
  const accountKey = await sessionAccountKey();
  const bus = createBroadcastBus('locket-bench-task-seed');
  const store = await openStore({
    factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey),
  });
  try {
    const owners = await recordIds(5000);
    const now = Date.now();
    let inserted = 0;
    for (let from = 0; from < count; from += CHUNK) {
      const inputs = Array.from({ length: Math.min(CHUNK, count - from) }, (_, i) => taskAt(seed, from + i, owners, now));
      const report = await store.insertMany('task', inputs);
      if (report.invalid.length > 0) throw new Error(`Seeded tasks were refused: ${JSON.stringify(report.invalid[0])}`);
      inserted += report.inserted;
    }
    const tasksMs = performance.now() - started;
    const timelineStarted = performance.now();
    const timelineId = await seedTimelineRecord(store);
    return { tasks: inserted, tasksMs, timelineId, timelineEntries: TIMELINE_ENTRIES, timelineMs: performance.now() - timelineStarted };
  } finally {
    store.close();
    bus.close();
  }
};
