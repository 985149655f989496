import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, type PipelineSettings } from '../../../core/pipeline/pipeline-settings';
import { createFilterApi } from '../../../worker/filters/filter-api';
import { createFilterCacheApi } from '../../../worker/filters/filter-cache-api';
import { createFilterColumns } from '../../../worker/filters/filter-columns';
import type { FilteredList, NotReady } from '../../../worker/contracts/filters';
import { isCancelled } from '../../../worker/contract';
import { emptyFields } from '../../../core/records/validate';
import { createHarness, saved } from '../store/harness';

const names = async (store: Awaited<ReturnType<typeof createHarness>>['store'], result: FilteredList | NotReady | { type: 'cancelled' }) => {
  if (isCancelled(result) || !('ids' in result)) throw new Error(`Expected a list, not ${JSON.stringify(result)}`);
  const records = await store.getMany(result.ids);
  return records.map((record) => (record?.kind === 'opportunity' ? record.fields.name : ''));
};

describe('a list sorted by milestone', () => {
  it('follows the owner’s order of milestones, their own included, on both paths', async () => {
    const { store, db, clock } = await createHarness();
    const pipeline: PipelineSettings = { ...DEFAULT_PIPELINE, milestones: [{ id: 'demo', name: 'Demo booked', probability: 30, daysUntilStale: 0 }, ...[...DEFAULT_PIPELINE.milestones].reverse()] };
    expect((await store.saveSettings({ pipeline })).ok).toBe(true);
    for (const [name, milestone] of [['New deal', 'new'], ['Closing deal', 'closing'], ['Demo deal', 'demo'], ['Proposal deal', 'proposal']] as const) {
      saved(await store.create('opportunity', { ...emptyFields('opportunity', { owner: '', currency: 'EUR' }), name, milestone }));
    }
    const columns = createFilterColumns();
    await store.forEachBatch(100, (records) => { columns.upsertMany(records); });
    const sort = { column: 'milestone', direction: 'asc' } as const;
    const expected = ['Demo deal', 'Closing deal', 'Proposal deal', 'New deal'];
    expect(await names(store, await createFilterApi({ store, db, clock }).filterList('opportunity', { conditions: [] }, sort, () => undefined))).toEqual(expected);
    const cached = createFilterCacheApi({ store, db, clock, currentColumns: async () => columns });
    expect(await names(store, await cached.filterCached('opportunity', { conditions: [] }, sort, () => undefined))).toEqual(expected);
  });
});
