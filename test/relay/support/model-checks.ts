/**
 * What the convergence models check once the network healed: everyone syncs until every device's
 * outbox is empty and its cursor at the relay's head (bounded rounds), then every device shows the
 * same records, each field the latest write by HLC, no purged or erased id anywhere, and applying
 * the whole log again changes nothing. A team device reads the relay's log as its pulls do: a set
 * its role checks refuse on receipt is no part of it.
 */
import { expect } from 'vitest';
import { DELETED_AT } from '../../../core/db/field-clocks';
import type { SyncSet } from '../../../core/sync/ports';
import { everyRecord } from '../../unit/replica/replica-harness';
import type { ModelDevice } from './model-devices';
import { deliverDelayed, FIELDS, type ModelWorld } from './model-steps';

/** Rounds of "everyone syncs" after the network heals: each device needs at most a few. */
const QUIESCENCE_ROUNDS = 6;

export const quiesce = async (world: ModelWorld): Promise<void> => {
  world.network.healed = true;
  for (const device of world.devices) device.offline = false;
  await deliverDelayed(world.network, world.network.delayed.map(() => 0));
  for (let round = 0; round < QUIESCENCE_ROUNDS; round += 1) {
    const problems = [];
    for (const device of world.devices) problems.push(await device.sync());
    const head = await world.relay.store().head(world.team);
    const settled = await Promise.all(world.devices.map(async (device) =>
      (await device.replica.pendingCount()) === 0 && ((await device.replica.cursor())?.seq ?? 0) === head));
    if (problems.every((problem) => problem === null) && settled.every(Boolean)) return;
    if (round === QUIESCENCE_ROUNDS - 1) {
      throw new Error(`No quiescence after ${QUIESCENCE_ROUNDS} rounds: problems ${JSON.stringify(problems)}, settled ${JSON.stringify(settled)}`);
    }
  }
};

/** Every set on the relay, opened by this device as a pull would. */
export const relayLog = async (world: ModelWorld, device: ModelDevice): Promise<SyncSet[]> => {
  const sets: SyncSet[] = [];
  for (let since = 0, page = 0; page < 100; page += 1) {
    const pulled = await world.relay.store().pullSets(world.team, since, 500);
    for (const stored of pulled.sets) {
      if (device.admits && !device.admits(stored)) continue;
      const opened = await device.crypto.open(JSON.parse(JSON.stringify(stored)));
      if (opened) sets.push(opened);
    }
    if (!pulled.more || pulled.sets.length === 0) break;
    since = pulled.sets.at(-1)!.seq;
  }
  return sets;
};

export const checkConverged = async (world: ModelWorld): Promise<void> => {
  const states = await Promise.all(world.devices.map((device) => everyRecord(device)));
  for (const [index, state] of states.entries()) expect(state, `device-${index} against device-0`).toEqual(states[0]);
  const records = new Map(states[0]!.map((record) => [record!.id, record!]));

  // No purged or erased id on any device, nor in any change log, nor readable on the relay.
  for (const id of world.ended) {
    expect(records.has(id), `ended ${id} is back`).toBe(false);
    for (const device of world.devices) {
      if (world.undoneBy.get(id)?.has(device)) continue;
      expect(await device.store.changesFor(id), `change log of ended ${id} on ${device.name}`).toEqual([]);
    }
  }
  const readable = (await relayLog(world, world.devices[0]!)).flatMap((set) => set.items)
    .filter((item) => world.ended.has(item.recordId) && item.body !== null && item.op !== 'purge' && item.op !== 'erase');
  expect(readable, 'the relay still holds ciphertext of an ended id').toEqual([]);

  // Every write is present or superseded: each field holds its newest write by HLC; trash state too.
  const created = new Set(world.writes.filter((write) => write.op === 'create').map((write) => write.recordId));
  for (const id of created) if (!world.ended.has(id)) expect(records.has(id), `created ${id} lost`).toBe(true);
  for (const [id, record] of records) {
    const writes = world.writes.filter((write) => write.recordId === id).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    for (const field of FIELDS) {
      const newest = writes.filter((write) => write.changed.includes(field)).at(-1);
      if (newest) expect((record.fields as unknown as Record<string, unknown>)[field], `${id}.${field} after ${newest.hlc}`).toEqual(newest.values[field]);
    }
    const trashState = writes.filter((write) => write.op === 'delete' || write.op === 'restore' || write.changed.includes(DELETED_AT)).at(-1);
    if (trashState) expect(record.deletedAt !== null, `${id} trash state after ${trashState.hlc}`).toBe(trashState.op === 'delete');
  }

  // Applying everything again changes nothing.
  for (const [index, device] of world.devices.entries()) {
    const log = await relayLog(world, device);
    const cursor = (await device.replica.cursor())!;
    const again = await device.replica.applyRemote(log, cursor);
    expect(again.applied, `device-${index} applied a set twice`).toBe(0);
    expect(await everyRecord(device)).toEqual(states[index]);
  }
};
