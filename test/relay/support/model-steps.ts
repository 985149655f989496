/**
 * What the convergence model does, as plain data fast-check can generate and shrink, and how each
 * step runs against the devices and the relay. Every local write's change-log entry is kept as
 * the oracle: after quiescence each field must hold the value of its latest write by HLC.
 */
import fc from 'fast-check';
import type { ManualClock } from '../../../core/clock';
import type { PlannedWrite } from '../../../core/imports/import-batch-types';
import type { ChangeEntry } from '../../../core/record-store/contract';
import type { ModelRelay } from './model-relay';
import type { Fault, ModelDevice, ModelNetwork } from './model-devices';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const FIELDS = ['firstName', 'lastName', 'jobTitle'] as const;
const TAGS = ['vip', 'lead', 'press'] as const;

export type Step =
  | { readonly t: 'create'; readonly d: number; readonly name: string }
  | { readonly t: 'edit'; readonly d: number; readonly pick: number; readonly field: (typeof FIELDS)[number]; readonly value: string }
  | { readonly t: 'tags'; readonly d: number; readonly pick: number; readonly tags: readonly string[] }
  | { readonly t: 'trash' | 'restore' | 'purge' | 'erase'; readonly d: number; readonly pick: number }
  /** One import batch as the import page writes it: new people, and tags (re)set on records this device holds. */
  | { readonly t: 'import'; readonly d: number; readonly names: readonly string[]; readonly retag: readonly { readonly pick: number; readonly tags: readonly string[] }[] }
  /** Undo of one of the imports this device lists (its own or, once pulled, another's), as the imports page does. */
  | { readonly t: 'undo-import'; readonly d: number; readonly pick: number }
  | { readonly t: 'sync'; readonly d: number }
  | { readonly t: 'sync-without-pull'; readonly d: number }
  | { readonly t: 'offline'; readonly d: number; readonly offline: boolean }
  | { readonly t: 'tick'; readonly ms: number }
  | { readonly t: 'crash' }
  | { readonly t: 'snapshot' }
  | { readonly t: 'restore-relay' }
  | { readonly t: 'deliver-delayed'; readonly order: readonly number[] };

const d = fc.nat(4);
const pick = fc.nat(20);
const word = fc.constantFrom('Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald');

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), d, name: word }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('edit' as const), d, pick, field: fc.constantFrom(...FIELDS), value: word }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('tags' as const), d, pick, tags: fc.subarray([...TAGS]) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const), d, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('erase' as const), d, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('import' as const), d, names: fc.array(word, { maxLength: 3 }),
      retag: fc.array(fc.record({ pick, tags: fc.subarray([...TAGS]) }), { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('undo-import' as const), d, pick }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), d }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('sync-without-pull' as const), d }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), d, offline: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 21 * DAY })) }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant({ t: 'crash' as const }), fc.constant({ t: 'snapshot' as const }), fc.constant({ t: 'restore-relay' as const })) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliver-delayed' as const), order: fc.array(fc.nat(20), { maxLength: 5 }) }) },
);

export const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('ok' as const) },
  { weight: 1, arbitrary: fc.constantFrom('lost-request' as const, 'lost-answer' as const, 'duplicated' as const, 'delayed' as const) },
);

export const skewArb = fc.integer({ min: -HOUR, max: HOUR });

export interface ModelWorld {
  readonly team: string;
  readonly clock: ManualClock;
  readonly relay: ModelRelay;
  readonly network: ModelNetwork;
  readonly devices: ModelDevice[];
  /** Every local write that succeeded, as its device's change log recorded it. */
  readonly writes: ChangeEntry[];
  /** Ids some device purged or erased, or removed by undoing their import: final everywhere. */
  readonly ended: Set<string>;
  /**
   * The devices that removed an id by undoing its import: each keeps that import and its undo in
   * its own history (the imports page lists it as undone); every other device keeps no line of it.
   */
  readonly undoneBy: Map<string, Set<ModelDevice>>;
}

const idsOn = async (device: ModelDevice): Promise<string[]> => (await device.db.getAllKeys('records')).map(String).sort();

/** The change log's newest entry for the record: the write that just ran (local writes tick past everything seen). */
const recordWrite = async (world: ModelWorld, device: ModelDevice, id: string): Promise<void> => {
  const entries = await device.store.changesFor(id);
  const newest = entries.reduce<ChangeEntry | undefined>((best, entry) => (!best || entry.hlc > best.hlc ? entry : best), undefined);
  if (newest) world.writes.push(newest);
};

export const deliverDelayed = async (network: ModelNetwork, order: readonly number[]): Promise<void> => {
  for (const index of order) {
    const [request] = network.delayed.splice(index % Math.max(1, network.delayed.length), 1);
    await request?.().catch(() => undefined);
  }
};

const PERSON_DEFAULTS = { lastName: '' };

/** One import batch: the creates carry the tags the file gives them; a retag sets a held record's whole tags. */
const runImport = async (world: ModelWorld, device: ModelDevice, step: Extract<Step, { t: 'import' }>): Promise<void> => {
  const now = device.clock.now();
  const creates = step.names.map((name, index) => ({
    op: 'create' as const, id: device.deps.newId(), kind: 'person' as const,
    fields: { ...PERSON_DEFAULTS, firstName: name, tags: [...TAGS].slice(0, index + 1) }, createdAt: now, updatedAt: now,
  }));
  const ids = await idsOn(device);
  const updates: PlannedWrite[] = [];
  for (const { pick: at, tags } of step.retag) {
    const id = ids[at % Math.max(1, ids.length)];
    const record = id === undefined ? undefined : (await device.store.getMany([id]))[0];
    if (!record || record.kind !== 'person' || record.deletedAt !== null || updates.some((update) => update.id === id)) continue;
    updates.push({ op: 'update' as const, id: record.id, kind: 'person' as const, fields: { ...record.fields, tags } });
  }
  if (creates.length + updates.length === 0) return;
  const report = await device.store.applyImport(`batch-${device.name}-${world.writes.length}-${now}`, [...creates, ...updates]);
  for (const { id } of [...creates, ...updates]) await recordWrite(world, device, id);
  if (report.failure) throw new Error(`The import failed: ${JSON.stringify(report.failure)}`);
};

/** Undo of an import: records it created go for good (a purge everywhere), records it updated get their earlier values back. */
const runUndoImport = async (world: ModelWorld, device: ModelDevice, pick: number): Promise<void> => {
  const batches = await device.store.listImports();
  const batch = batches[pick % Math.max(1, batches.length)];
  if (!batch) return;
  const touched = [...new Set((await device.db.getAllFromIndex('changes', 'byBatch', batch.batchId)).flatMap((set) => set.recordIds))];
  const held = await Promise.all(touched.map(async (id) => (await device.db.getKey('records', id)) !== undefined));
  await device.store.undoImport(batch.batchId);
  for (const [index, id] of touched.entries()) {
    if (!held[index]) continue;
    if (await device.db.get('records', id)) {
      await recordWrite(world, device, id);
    } else {
      world.ended.add(id);
      world.undoneBy.set(id, new Set([...world.undoneBy.get(id) ?? [], device]));
    }
  }
};

export const runStep = async (world: ModelWorld, step: Step): Promise<void> => {
  if (step.t === 'tick') {
    world.clock.advance(step.ms);
    for (const device of world.devices) device.clock.advance(step.ms);
    return;
  }
  if (step.t === 'crash') return world.relay.crashNextCommit();
  if (step.t === 'snapshot') return world.relay.snapshot();
  if (step.t === 'restore-relay') { await world.relay.restoreSnapshot(); return; }
  if (step.t === 'deliver-delayed') return deliverDelayed(world.network, step.order);
  const device = world.devices[step.d % world.devices.length]!;
  if (step.t === 'sync') { await device.sync(); return; }
  if (step.t === 'sync-without-pull') { await device.syncWithoutPull(); return; }
  if (step.t === 'offline') { device.offline = step.offline; return; }
  if (step.t === 'import') return runImport(world, device, step);
  if (step.t === 'undo-import') return runUndoImport(world, device, step.pick);
  if (step.t === 'create') {
    const created = await device.store.create('person', { firstName: step.name, lastName: '' });
    if (created.ok) await recordWrite(world, device, created.value.id);
    return;
  }
  const ids = await idsOn(device);
  const id = ids[step.pick % Math.max(1, ids.length)];
  if (id === undefined) return;
  switch (step.t) {
    case 'edit':
      if ((await device.store.update(id, 'person', { [step.field]: step.value })).ok) await recordWrite(world, device, id);
      return;
    case 'tags':
      if ((await device.store.update(id, 'person', { tags: step.tags })).ok) await recordWrite(world, device, id);
      return;
    case 'trash':
      await device.store.remove(id);
      await recordWrite(world, device, id);
      return;
    case 'restore':
      if ((await device.store.restore(id)).ok) await recordWrite(world, device, id);
      return;
    case 'purge':
      await device.store.remove(id);
      await device.store.deleteForever([id]);
      if (!(await device.db.get('records', id))) world.ended.add(id);
      return;
    case 'erase':
      await device.store.erase(id, { suppressEmails: false });
      if (!(await device.db.get('records', id))) world.ended.add(id);
      return;
  }
};
