import { describe, expect, it } from 'vitest';
import { createHarness, saved } from '../store/harness';
import { createPipelineApi } from '../../../worker/pipeline-api';
import { EMPTY_FILTER, type Filter } from '../../../core/filters/filter-schema';
import { pipelineContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';

const DAY = 86_400_000;

/** Four open deals in two milestones, two of them Ada's; one more of Ada's that was won. */
const setUp = async () => {
  const harness = await createHarness();
  const api = validated(pipelineContract, createPipelineApi({ storeDeps: harness.deps, store: harness.store }));
  const deal = async (name: string, milestone: string, owner: string, value: number, currency = 'EUR', extra: Record<string, unknown> = {}) =>
    saved(await harness.store.create('opportunity', { name, milestone, owner, value, currency, probability: 50, expectedCloseDate: '2026-03-10', ...extra }));
  await deal('Old renewal', 'proposal', 'Ada', 1000, 'EUR', { customFields: [{ name: 'Region', value: 'North' }] });
  harness.clock.advance(40 * DAY);
  await deal('Upsell', 'proposal', 'Ben', 700);
  await deal('Pilot', 'new', 'Ada', 300, 'GBP');
  await deal('Licence', 'new', 'Ben', 200, 'GBP', { customFields: [{ name: 'Region', value: 'South' }] });
  await deal('Signed', 'new', 'Ada', 5000, 'EUR', { status: 'won' });
  return { ...harness, api };
};

const summary = async (api: Awaited<ReturnType<typeof setUp>>['api'], filter: Filter) => {
  const board = await api.pipelineBoard(filter);
  return {
    columns: board.columns.filter((column) => column.count > 0).map((column) => ({
      id: column.milestone.id, count: column.count, totals: column.totals,
      cards: column.cards.map((card) => `${card.name}${card.stale ? ' (stale)' : ''}`),
    })),
    forecast: board.forecast.map((line) => `${line.month} ${line.currency} ${line.weighted}`),
  };
};

describe('the pipeline board under a list filter', () => {
  it('shows every open opportunity without a filter', async () => {
    const { api } = await setUp();
    const all = await summary(api, EMPTY_FILTER);
    expect(all.columns.map((column) => [column.id, column.count])).toEqual([['new', 2], ['proposal', 2]]);
  });

  it('counts, totals, marks stale and forecasts only the cards the filter keeps', async () => {
    const { api } = await setUp();
    expect(await summary(api, { conditions: [{ field: 'owner', op: 'is', text: 'ada' }] })).toEqual({
      columns: [
        { id: 'new', count: 1, totals: [{ currency: 'GBP', amount: 300 }], cards: ['Pilot'] },
        { id: 'proposal', count: 1, totals: [{ currency: 'EUR', amount: 1000 }], cards: ['Old renewal (stale)'] },
      ],
      forecast: ['2026-03 EUR 500', '2026-03 GBP 150'],
    });
  });

  it('filters by value and by a custom field with the lists’ own conditions', async () => {
    const { api } = await setUp();
    const atLeast = await summary(api, { conditions: [{ field: 'value', op: 'at-least', amount: 500 }] });
    expect(atLeast.columns.flatMap((column) => column.cards)).toEqual(['Upsell', 'Old renewal (stale)']);
    const north = await summary(api, { conditions: [{ field: 'custom', name: 'region', op: 'equals', text: 'North' }] });
    expect(north.columns).toEqual([{ id: 'proposal', count: 1, totals: [{ currency: 'EUR', amount: 1000 }], cards: ['Old renewal (stale)'] }]);
    expect(north.forecast).toEqual(['2026-03 EUR 500']);
  });

  it('shows empty columns and no forecast when nothing matches', async () => {
    const { api } = await setUp();
    const none = await api.pipelineBoard({ conditions: [{ field: 'owner', op: 'is', text: 'Nobody' }] });
    expect(none.columns.every((column) => column.count === 0 && column.totals.length === 0)).toBe(true);
    expect(none.forecast).toEqual([]);
  });
});
