import { describe, expect, it } from 'vitest';
import { createHarness, saved } from '../store/harness';
import { createPipelineApi } from '../../../worker/pipeline-api';
import { DEFAULT_PIPELINE } from '../../../core/pipeline/pipeline-settings';
import { EMPTY_FILTER } from '../../../core/filters/filter-schema';
import { createArchiveHarness, noProgress, PASSWORD } from '../backup/archive-harness';
import { pipelineContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';

const setUp = async () => {
  const harness = await createHarness();
  const api = validated(pipelineContract, createPipelineApi({ storeDeps: harness.deps, store: harness.store }));
  const deal = async (name: string, milestone: string, value = 1000) =>
    saved(await harness.store.create('opportunity', { name, milestone, value, currency: 'EUR', probability: 5 }));
  return { ...harness, api, deal };
};

const auditTypes = async (store: Awaited<ReturnType<typeof createHarness>>['store']) => (await store.audit.entries()).map((entry) => entry.type);

describe('pipeline writes', () => {
  it('moves a card to another milestone with that milestone’s probability, in one change set and with an audit entry', async () => {
    const { api, store, deal } = await setUp();
    const record = await deal('Renewal', 'new');
    expect(await api.moveOpportunity(record.id, 'proposal')).toEqual({ ok: true, value: 1 });
    const moved = await store.get(record.id);
    expect(moved?.kind === 'opportunity' && [moved.fields.milestone, moved.fields.probability]).toEqual(['proposal', 50]);
    expect((await store.changesFor(record.id)).map((change) => change.changed)).toEqual([
      expect.arrayContaining(['name', 'milestone']), ['milestone', 'probability'],
    ]);
    expect(await auditTypes(store)).toEqual(['opportunities-moved']);
    expect((await store.audit.entries())[0]?.subjects).toEqual([{ kind: 'opportunity', idHash: await store.auditIdHash(record.id) }]);
    const board = await api.pipelineBoard(EMPTY_FILTER);
    expect(board.columns.find((column) => column.milestone.id === 'proposal')?.totals).toEqual([{ currency: 'EUR', amount: 1000 }]);
    expect(board.columns.find((column) => column.milestone.id === 'new')?.count).toBe(0);
  });

  it('refuses a move to a milestone the owner does not have, and writes nothing', async () => {
    const { api, store, deal } = await setUp();
    const record = await deal('Renewal', 'new');
    expect(await api.moveOpportunity(record.id, 'nowhere')).toEqual({ ok: false, error: { type: 'milestone-unknown', id: 'nowhere' } });
    expect(await auditTypes(store)).toEqual([]);
  });

  it('marks an opportunity lost with the owner’s reason, which takes it off the board', async () => {
    const { api, store, deal } = await setUp();
    const record = await deal('Renewal', 'closing');
    expect(await api.closeOpportunity(record.id, { status: 'lost', reason: 'Price' })).toEqual({ ok: true, value: 1 });
    const lost = await store.get(record.id);
    expect(lost?.kind === 'opportunity' && [lost.fields.status, lost.fields.lostReason]).toEqual(['lost', 'Price']);
    expect((await api.pipelineBoard(EMPTY_FILTER)).columns.every((column) => column.count === 0)).toBe(true);
  });

  it('saves the owner’s milestones (added, renamed, reordered) and keeps the other settings', async () => {
    const { api, store } = await setUp();
    await store.saveSettings({ ownerName: 'Ada', defaultCurrency: 'GBP' });
    const milestones = [
      { id: 'pilot', name: 'Pilot', probability: 40, daysUntilStale: 30 },
      ...DEFAULT_PIPELINE.milestones.map((milestone) => (milestone.id === 'new' ? { ...milestone, name: 'Lead' } : milestone)).reverse(),
    ];
    expect(await api.savePipeline({ milestones, lostReasons: ['Price', 'Timing'] })).toEqual({ ok: true, value: 0 });
    expect(await api.readPipeline()).toEqual({ milestones, lostReasons: ['Price', 'Timing'] });
    expect(await store.getSettings()).toMatchObject({ ownerName: 'Ada', defaultCurrency: 'GBP' });
    expect((await api.pipelineBoard(EMPTY_FILTER)).columns.map((column) => column.milestone.id)).toEqual(['pilot', 'closing', 'negotiation', 'proposal', 'qualified', 'new']);
  });

  it('refuses a list with repeated ids, a nameless milestone of the owner’s, or a probability past 100', async () => {
    const { api } = await setUp();
    const one = { id: 'pilot', name: 'Pilot', probability: 40, daysUntilStale: 30 };
    for (const milestones of [[one, one], [{ ...one, name: '' }], [{ ...one, probability: 101 }], []]) {
      expect(await api.savePipeline({ milestones, lostReasons: [] })).toEqual({ ok: false, error: { type: 'not-a-pipeline' } });
    }
    expect(await api.readPipeline()).toEqual(DEFAULT_PIPELINE);
  });

  it('refuses to drop a milestone that still has opportunities: they must be moved first', async () => {
    const { api, deal } = await setUp();
    await deal('A', 'qualified');
    await deal('B', 'qualified');
    const without = DEFAULT_PIPELINE.milestones.filter((milestone) => milestone.id !== 'qualified');
    expect(await api.savePipeline({ milestones: without, lostReasons: [] })).toEqual({
      ok: false, error: { type: 'milestone-in-use', id: 'qualified', count: 2 },
    });
    expect((await api.readPipeline()).milestones.map((milestone) => milestone.id)).toContain('qualified');
  });

  it('deletes a milestone by moving its opportunities to another, in one transaction with one audit entry', async () => {
    const { api, store, deal, bus } = await setUp();
    const a = await deal('A', 'qualified');
    const b = await deal('B', 'qualified');
    const c = await deal('C', 'new');
    expect(await api.deleteMilestone('qualified', 'negotiation')).toEqual({ ok: true, value: 2 });
    for (const id of [a.id, b.id]) {
      const record = await store.get(id);
      expect(record?.kind === 'opportunity' && [record.fields.milestone, record.fields.probability]).toEqual(['negotiation', 75]);
    }
    const untouched = await store.get(c.id);
    expect(untouched?.kind === 'opportunity' && untouched.fields.milestone).toBe('new');
    expect((await api.readPipeline()).milestones.map((milestone) => milestone.id)).toEqual(['new', 'proposal', 'negotiation', 'closing']);
    const entries = await store.audit.entries();
    expect(entries.map((entry) => [entry.type, entry.detail])).toEqual([
      ['opportunities-moved', { records: 2, milestoneDeleted: true }],
    ]);
    expect(bus.published.at(-1)).toEqual({ ids: [], kinds: [], settings: true });
  });

  it('refuses to delete a milestone into itself or into one that does not exist', async () => {
    const { api, deal } = await setUp();
    await deal('A', 'qualified');
    expect((await api.deleteMilestone('qualified', 'qualified')).ok).toBe(false);
    expect((await api.deleteMilestone('qualified', 'gone')).ok).toBe(false);
    expect((await api.readPipeline()).milestones).toHaveLength(5);
  });

  it('carries the owner’s pipeline, encrypted, through a backup into a fresh install', async () => {
    const source = await createArchiveHarness();
    const pipeline = { milestones: [{ id: 'pilot', name: 'Pilot stage', probability: 40, daysUntilStale: 30 }], lostReasons: ['Too expensive'] };
    expect(await createPipelineApi({ storeDeps: source.deps, store: source.store }).savePipeline(pipeline)).toEqual({ ok: true, value: 0 });
    expect(JSON.stringify(await source.db.getAll('settings'))).not.toContain('Pilot stage');
    const file = await source.archive.createBackup(PASSWORD, noProgress);

    const fresh = await createArchiveHarness();
    expect((await fresh.archive.restoreBackup(file.bytes, PASSWORD, noProgress)).ok).toBe(true);
    expect(await createPipelineApi({ storeDeps: fresh.deps, store: fresh.store }).readPipeline()).toEqual(pipeline);
  });
});
