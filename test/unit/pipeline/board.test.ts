import { describe, expect, it } from 'vitest';
import { buildBoard, isStale } from '../../../core/pipeline/board';
import { DEFAULT_PIPELINE, type PipelineSettings } from '../../../core/pipeline/pipeline-settings';
import type { OpportunityFields, OpportunityRecord } from '../../../core/records/types';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const DAY = 86_400_000;
let next = 0;

const opportunity = (fields: Partial<OpportunityFields>, updatedAt = NOW): OpportunityRecord => ({
  id: `opp-${String(++next).padStart(4, '0')}`, kind: 'opportunity', createdAt: updatedAt, updatedAt, deletedAt: null,
  fields: {
    name: 'Deal', partyId: null, value: null, currency: 'EUR', milestone: 'new', probability: 0,
    expectedCloseDate: null, status: 'open', lostReason: '', customFields: [], owner: 'owner', ...fields,
  },
});

const board = (records: OpportunityRecord[], pipeline: PipelineSettings = DEFAULT_PIPELINE) =>
  buildBoard(records, pipeline, { now: NOW, cardLimit: 100 });

describe('the pipeline board', () => {
  it('puts open opportunities in the owner’s milestones in the owner’s order, and leaves won and lost ones out', () => {
    const pipeline: PipelineSettings = {
      lostReasons: [],
      milestones: [
        { id: 'closing', name: '', probability: 90, daysUntilStale: 7 },
        { id: 'new', name: 'Lead', probability: 10, daysUntilStale: 14 },
      ],
    };
    const result = board([
      opportunity({ name: 'A', milestone: 'new' }),
      opportunity({ name: 'B', milestone: 'closing' }),
      opportunity({ name: 'C', milestone: 'new', status: 'won' }),
      opportunity({ name: 'D', milestone: 'closing', status: 'lost', lostReason: 'Price' }),
    ], pipeline);
    expect(result.columns.map((column) => [column.milestone.id, column.cards.map((card) => card.name)])).toEqual([
      ['closing', ['B']], ['new', ['A']],
    ]);
    expect(result.columns[1]?.milestone.name).toBe('Lead');
  });

  it('keeps an opportunity whose milestone left the list in a column of its own, after the owner’s', () => {
    const result = board([opportunity({ milestone: 'pilot' }), opportunity({ milestone: 'new' })]);
    expect(result.columns.map((column) => [column.milestone.id, column.listed, column.count])).toEqual([
      ['new', true, 1], ['qualified', true, 0], ['proposal', true, 0], ['negotiation', true, 0], ['closing', true, 0], ['pilot', false, 1],
    ]);
  });

  it('counts every card and totals each column per currency, ignoring opportunities without a value', () => {
    const result = board([
      opportunity({ milestone: 'proposal', value: 1000, currency: 'EUR' }),
      opportunity({ milestone: 'proposal', value: 250.5, currency: 'EUR' }),
      opportunity({ milestone: 'proposal', value: 400, currency: 'GBP' }),
      opportunity({ milestone: 'proposal', value: null, currency: '' }),
      opportunity({ milestone: 'new', value: 10, currency: 'CHF' }),
    ]);
    const proposal = result.columns.find((column) => column.milestone.id === 'proposal');
    expect(proposal?.count).toBe(4);
    expect(proposal?.totals).toEqual([{ currency: 'EUR', amount: 1250.5 }, { currency: 'GBP', amount: 400 }]);
    expect(result.columns.find((column) => column.milestone.id === 'new')?.totals).toEqual([{ currency: 'CHF', amount: 10 }]);
  });

  it('sends at most the card limit per column, newest first, while the count covers them all', () => {
    const records = Array.from({ length: 5 }, (_, index) => opportunity({ name: `#${index}` }, NOW - index * 1000));
    const result = buildBoard(records, DEFAULT_PIPELINE, { now: NOW, cardLimit: 2 });
    expect(result.columns[0]?.count).toBe(5);
    expect(result.columns[0]?.cards.map((card) => card.name)).toEqual(['#0', '#1']);
  });

  it('marks a card stale once untouched for longer than its milestone’s days, and never for 0 days', () => {
    const milestone = { id: 'new', name: '', probability: 10, daysUntilStale: 14 };
    expect(isStale(NOW - 14 * DAY, milestone, NOW)).toBe(false);
    expect(isStale(NOW - 14 * DAY - 1, milestone, NOW)).toBe(true);
    expect(isStale(NOW - 9999 * DAY, { ...milestone, daysUntilStale: 0 }, NOW)).toBe(false);
    const result = board([opportunity({ name: 'old', milestone: 'closing' }, NOW - 8 * DAY), opportunity({ name: 'fresh', milestone: 'closing' }, NOW - 6 * DAY)]);
    const closing = result.columns.find((column) => column.milestone.id === 'closing');
    expect(closing?.cards.map((card) => [card.name, card.stale])).toEqual([['fresh', false], ['old', true]]);
  });

  it('forecasts value × probability by expected-close month and currency, undated last', () => {
    const result = board([
      opportunity({ value: 1000, probability: 50, currency: 'EUR', expectedCloseDate: '2026-07-20' }),
      opportunity({ value: 2000, probability: 10, currency: 'EUR', expectedCloseDate: '2026-07-01', milestone: 'closing' }),
      opportunity({ value: 500, probability: 100, currency: 'GBP', expectedCloseDate: '2026-07-31' }),
      opportunity({ value: 300, probability: 50, currency: 'EUR', expectedCloseDate: '2026-06-05' }),
      opportunity({ value: 800, probability: 25, currency: 'EUR', expectedCloseDate: null }),
      opportunity({ value: 9999, probability: 90, currency: 'EUR', expectedCloseDate: '2026-06-05', status: 'won' }),
    ]);
    expect(result.forecast).toEqual([
      { month: '2026-06', currency: 'EUR', weighted: 150 },
      { month: '2026-07', currency: 'EUR', weighted: 700 },
      { month: '2026-07', currency: 'GBP', weighted: 500 },
      { month: null, currency: 'EUR', weighted: 200 },
    ]);
  });
});
