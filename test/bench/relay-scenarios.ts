/**
 * The relay's push and pull throughput on one SQL driver, each beside its floor: the same rows
 * written with plain INSERTs (pull: read with plain SELECTs) through the same driver, in
 * transactions (pages) of the same size, into the same schema. The store's side adds what the
 * relay does per push (the team lock, the duplicate and clientSeq checks, base64url decoding,
 * tombstone lookups, the device's ack) and per pull (the head, building envelopes).
 */
import { createManualClock } from '../../core/clock';
import { parseHlc } from '../../core/hlc';
import { fromBase64Url } from '../../core/security/base64url';
import { LIMITS, type Envelope } from '../../core/sync/protocol';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { createRelayStore } from '../../relay/store/store';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from '../relay/support/test-device';

export interface RelayWorkload {
  readonly team: string;
  readonly device: TestDevice;
  readonly sets: readonly Envelope[];
  /** Sets per push (and per raw transaction). */
  readonly batch: number;
}

export interface RelayTimings {
  readonly pushMs: number;
  readonly rawInsertMs: number;
  readonly pullMs: number;
  readonly rawSelectMs: number;
}

const NOW = Date.UTC(2026, 0, 1);

/** `sets` sets of `items` sealed items each (about 400 bytes of ciphertext), signed once, outside any timing. */
export const makeRelayWorkload = async (sets: number, items: number, batch: number): Promise<RelayWorkload> => {
  const team = newTeamId();
  const device = await createTestDevice(team, newTeamKey(), createManualClock(NOW));
  const made: Envelope[] = [];
  for (let i = 0; i < sets; i += 1) {
    made.push(await device.nextSet(Array.from({ length: items }, (_, j) => `set ${i} item ${j} ${'lorem ipsum '.repeat(30)}`)));
  }
  return { team, device, sets: made, batch };
};

const bytes = (base64url: string): Uint8Array => fromBase64Url(base64url)!;

/** The rows `insertSet` writes, decoded before the clock starts: the floor pays no decoding. */
const rawRows = (workload: RelayWorkload) => workload.sets.map((set, index) => ({
  set: [workload.team, index + 1, set.setId, set.device, set.clientSeq, set.prevSetId, set.epoch, null, null,
    parseHlc(set.setId)?.wallMs ?? 0, NOW, bytes(set.sig), 0] as const,
  items: set.items.map((item, idx) => [workload.team, index + 1, idx, item.recordId, item.kind, item.op, bytes(item.h), bytes(item.ct!)] as const),
}));

const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const inBatches = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

/** Push then pull through the relay's store on a fresh, migrated database. */
export const timeStore = async (driver: SqlDriver, workload: RelayWorkload): Promise<{ pushMs: number; pullMs: number }> => {
  const store = createRelayStore(driver, { clock: createManualClock(NOW) });
  await store.migrate();
  await store.createTeam(workload.team, workload.device.keys.deviceId, workload.device.keys.publicKey);
  const pushMs = await timed(async () => {
    for (const batch of inBatches(workload.sets, workload.batch)) {
      const outcome = await store.appendSets(workload.team, workload.device.keys.deviceId, batch);
      if (outcome.stored !== batch.length) throw new Error(`The store refused a bench set: ${JSON.stringify(outcome.results[0])}`);
    }
  });
  let pulled = 0;
  const pullMs = await timed(async () => {
    let since = 0;
    for (let page = 0; page < workload.sets.length; page += 1) {
      const reply = await store.pullSets(workload.team, since, LIMITS.maxPullSets);
      pulled += reply.sets.length;
      since = reply.sets.at(-1)?.seq ?? since;
      if (!reply.more) break;
    }
  });
  if (pulled !== workload.sets.length) throw new Error(`Pulled ${pulled} of ${workload.sets.length} sets`);
  return { pushMs, pullMs };
};

/** The floor: the same rows with plain INSERTs, then read back with plain SELECTs, on a fresh, migrated database. */
export const timeRaw = async (driver: SqlDriver, workload: RelayWorkload): Promise<{ insertMs: number; selectMs: number }> => {
  await createRelayStore(driver, { clock: createManualClock(NOW) }).migrate();
  const rows = rawRows(workload);
  const insertMs = await timed(async () => {
    for (const batch of inBatches(rows, workload.batch)) {
      await driver.transaction(async (tx) => {
        for (const row of batch) {
          await tx.run(
            `INSERT INTO change_sets (team_id, seq, set_id, device_id, client_seq, prev_set_id, epoch, batch_id, undo_of, hlc_wall, received_at, sig, bytes)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.set,
          );
          for (const item of row.items) {
            await tx.run(`INSERT INTO change_items (team_id, seq, idx, record_id, kind, op, h, ct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, item);
          }
        }
      });
    }
  });
  let selected = 0;
  const selectMs = await timed(async () => {
    for (let since = 0; since < rows.length; since += LIMITS.maxPullSets) {
      const until = since + LIMITS.maxPullSets;
      const sets = await driver.all(`SELECT * FROM change_sets WHERE team_id = ? AND seq > ? AND seq <= ? ORDER BY seq`, [workload.team, since, until]);
      await driver.all(`SELECT * FROM change_items WHERE team_id = ? AND seq > ? AND seq <= ? ORDER BY seq, idx`, [workload.team, since, until]);
      selected += sets.length;
    }
  });
  if (selected !== rows.length) throw new Error(`Selected ${selected} of ${rows.length} sets`);
  return { insertMs, selectMs };
};
