/**
 * Devices and the relay's snapshots over 60 days (injected clocks): a writer uploads the daily
 * snapshot after its rounds, the relay truncates its log under it, and a device offline for 60
 * days, or a new one, bootstraps from it and converges with the others: the returning device
 * keeps its own offline edits, and a record purged while it was away does not come back. Team
 * settings written on day 0 ride in the snapshot: a new device sees them after their sets are gone.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createManualClock } from '../../core/clock';
import type { FieldDefinitions } from '../../core/custom-fields/definitions';
import { DEFAULT_PIPELINE } from '../../core/pipeline/pipeline-settings';
import { createPipelineWrites } from '../../core/pipeline/pipeline-writes';
import { DAY_MS } from '../../core/retention/windows';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { newSyncKey } from '../../core/sync/item-crypto';
import { SnapshotLatestSchema } from '../../core/sync/snapshot-protocol';
import { createRetentionSweep, type RetentionSweep } from '../../relay/retention/sweep';
import { openSqliteDriver } from '../../relay/store/sqlite';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { person, saved } from '../unit/store/harness';
import { everyRecord } from '../unit/replica/replica-harness';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, postRaw } from './support/relay-client';
import { replicaSyncDevice, type ReplicaSyncDevice, type TestSyncAccount } from './support/replica-sync-device';
import { createSwitchableTransport } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

vi.setConfig({ testTimeout: 60_000 });

const shoeSize: FieldDefinitions = {
  person: [{ id: 'shoe-size', name: 'Shoe size', type: 'number', choices: [], required: false, formerNames: [] }],
  organisation: [], case: [], opportunity: [],
};
const withSigned = {
  ...DEFAULT_PIPELINE, milestones: [...DEFAULT_PIPELINE.milestones, { id: 'signed', name: 'Signed', probability: 95, daysUntilStale: 7 }],
};

let relay: TestRelay;
let driver: SqlDriver;
let sweep: RetentionSweep;
let account: TestSyncAccount;
let laptop: ReplicaSyncDevice;
let phone: ReplicaSyncDevice;
let desk: ReplicaSyncDevice;
/** The relay's clock, and the engines' (session renewal, the daily upload). */
const clock = createManualClock(Date.now());
const engines: SyncEngine[] = [];

const engineOf = (device: ReplicaSyncDevice): SyncEngine => {
  const engine = createSyncEngine({
    transport: createSwitchableTransport(relay.url), replica: device.replica, crypto: device.crypto, team: account.team, clock,
    random: Math.random, uploadSnapshots: () => true,
  });
  engines.push(engine);
  engine.start();
  return engine;
};

beforeEach(async () => {
  driver = openSqliteDriver(':memory:');
  relay = await startTestRelay({ retentionEveryMs: 24 * 60 * 60 * 1000 }, undefined, { driver, clock });
  sweep = createRetentionSweep(driver, { clock });
  account = { team: newTeamId(), syncKey: newSyncKey(), devices: new Map() };
  laptop = await replicaSyncDevice('laptop', account, relay.url);
  phone = await replicaSyncDevice('phone', account, relay.url);
  desk = await replicaSyncDevice('desk', account, relay.url);
  const client = await connectDevice(relay.url, laptop.relayDevice, 'register');
  for (const other of [phone, desk]) expect((await client.addDevice(other.relayDevice)).status).toBe(200);
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
  await relay.dispose();
});

/** The relay left running with every device as it is: one retention sweep a day. */
const liveFor = async (days: number) => {
  for (let day = 0; day < days; day += 1) {
    clock.advance(DAY_MS);
    expect((await sweep.run()).held).toBeNull();
  }
};

const latestSnapshot = async () => {
  const session = await connectDevice(relay.url, laptop.relayDevice, 'session');
  return v.parse(SnapshotLatestSchema, (await postRaw(`${relay.url}/v1/snapshots/latest`, '{}', session.token())).body);
};

/** A round on the laptop, then its daily upload (beside the round) until the relay lists it. */
const syncAndSnapshot = async (engine: SyncEngine) => {
  expect(await engine.syncNow()).toEqual({ ok: true, value: undefined });
  let latest = await latestSnapshot();
  for (let tries = 0; tries < 50 && latest.snapshot?.createdAt !== clock.now(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    latest = await latestSnapshot();
  }
  expect(latest.snapshot).toMatchObject({ createdAt: clock.now(), atSeq: latest.head });
  return latest;
};

/** Day 0 to day 60: the phone goes offline on day 0 with edits of its own; the laptop syncs and purges; the log is truncated. */
const sixtyDays = async () => {
  const onLaptop = engineOf(laptop);
  const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
  const bert = saved(await laptop.store.create('person', person('Bert', 'Example')));
  const dee = saved(await laptop.store.create('person', person('Dee', 'Gone')));
  expect((await laptop.store.saveSettings({ fieldDefinitions: shoeSize, defaultCurrency: 'CHF' })).ok).toBe(true);
  expect((await createPipelineWrites(laptop.deps, laptop.store.audit).savePipeline(withSigned, [])).ok).toBe(true);
  await syncAndSnapshot(onLaptop);
  const firstOnPhone = engineOf(phone);
  expect(await firstOnPhone.syncNow()).toEqual({ ok: true, value: undefined });
  expect(await phone.store.get(dee.id)).toBeDefined();
  await firstOnPhone.stop();
  // Offline on the phone: an edit of Bert and a new record.
  saved(await phone.store.update(bert.id, 'person', { jobTitle: 'Edited offline' }));
  const cy = saved(await phone.store.create('person', person('Cy', 'Offline')));

  await liveFor(1);
  saved(await laptop.store.update(ada.id, 'person', { jobTitle: 'CTO' }));
  await laptop.store.remove(dee.id);
  await laptop.store.deleteForever([dee.id]);
  expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
  await liveFor(54);
  const day55 = await syncAndSnapshot(onLaptop);
  await liveFor(5);
  // Day 60: the log keeps nothing the day-55 snapshot covers and no set older than 50 days.
  expect((await latestSnapshot()).floor).toBe(day55.snapshot?.atSeq);
  return { ada, bert, cy, dee };
};

it('a device offline for 60 days bootstraps from the snapshot, keeps its offline edits and converges; a purged record stays gone', async () => {
  const { ada, bert, cy, dee } = await sixtyDays();
  const onPhone = engineOf(phone);
  expect(await onPhone.syncNow()).toEqual({ ok: true, value: undefined });
  expect(onPhone.rejectedSets()).toBe(0);
  expect((await phone.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'CTO' });
  expect((await phone.store.get(bert.id))?.fields).toMatchObject({ jobTitle: 'Edited offline' });
  expect((await phone.store.get(cy.id))?.fields).toMatchObject({ firstName: 'Cy' });
  expect(await phone.store.get(dee.id)).toBeUndefined();

  const onLaptop = engines[0]!;
  expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
  expect((await laptop.store.get(bert.id))?.fields).toMatchObject({ jobTitle: 'Edited offline' });
  expect(await everyRecord(phone)).toEqual(await everyRecord(laptop));
});

it('a new device joining after the log was truncated gets every live record', async () => {
  const { dee } = await sixtyDays();
  const onDesk = engineOf(desk);
  expect(await onDesk.syncNow()).toEqual({ ok: true, value: undefined });
  expect(onDesk.rejectedSets()).toBe(0);
  expect(await desk.store.get(dee.id)).toBeUndefined();
  expect(await everyRecord(desk)).toEqual(await everyRecord(laptop));
  expect((await everyRecord(desk)).length).toBe(2);
});

it('a new device joining after the log was truncated gets the team settings written before the snapshot', async () => {
  await sixtyDays();
  // The sets that wrote them are gone from the relay: only the snapshot still holds the settings.
  const settingsSets = await driver.all<{ n: number }>(`SELECT COUNT(*) AS n FROM change_items WHERE kind = 'settings'`);
  expect(settingsSets[0]?.n).toBe(0);
  const onDesk = engineOf(desk);
  expect(await onDesk.syncNow()).toEqual({ ok: true, value: undefined });
  expect(await desk.store.getSettings()).toMatchObject({ fieldDefinitions: shoeSize, pipeline: withSigned, defaultCurrency: 'CHF' });
  expect(desk.bus.published).toContainEqual({ ids: [], kinds: [], settings: true });
  // A change made there afterwards wins on the laptop too.
  expect((await desk.store.saveSettings({ defaultCurrency: 'USD' })).ok).toBe(true);
  expect(await onDesk.syncNow()).toEqual({ ok: true, value: undefined });
  expect(await engines[0]!.syncNow()).toEqual({ ok: true, value: undefined });
  expect((await laptop.store.getSettings()).defaultCurrency).toBe('USD');
});

it('uploads at most one snapshot a day, after a round: rounds the same day add none, the next day one more', async () => {
  const onLaptop = engineOf(laptop);
  saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
  await syncAndSnapshot(onLaptop);
  const snapshots = async () => (await driver.all<{ n: number }>(`SELECT COUNT(*) AS n FROM snapshots`))[0]?.n;
  saved(await laptop.store.create('person', person('Bert', 'Example')));
  clock.advance(6 * 60 * 60 * 1000);
  expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
  expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
  expect(await snapshots()).toBe(1);
  clock.advance(18 * 60 * 60 * 1000);
  const next = await syncAndSnapshot(onLaptop);
  expect(await snapshots()).toBe(2);
  // The new one covers both records, sealed: the relay holds neither name.
  const rows = await driver.all<{ ct: Uint8Array }>(`SELECT ct FROM snapshot_rows r JOIN snapshots s ON s.id = r.snapshot_id WHERE s.at_seq = ?`, [next.snapshot?.atSeq ?? -1]);
  expect(rows).toHaveLength(2);
  expect(rows.some((row) => Buffer.from(row.ct).includes('Lovelace'))).toBe(false);
});
