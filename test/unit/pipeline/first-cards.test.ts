import { describe, expect, it } from 'vitest';
import { buildBoard } from '../../../core/pipeline/board';
import { firstCards } from '../../../core/pipeline/first-cards';
import { DEFAULT_PIPELINE } from '../../../core/pipeline/pipeline-settings';
import type { OpportunityFields, OpportunityRecord } from '../../../core/records/types';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const MILESTONES = ['new', 'qualified', 'proposal', 'negotiation', 'closing', 'gone-milestone'];
const CURRENCIES = ['EUR', 'GBP', 'USD'];

const opportunity = (index: number, updatedAt: number, fields: Partial<OpportunityFields> = {}): OpportunityRecord => ({
  id: `opp-${String(index).padStart(5, '0')}`, kind: 'opportunity', createdAt: updatedAt, updatedAt, deletedAt: null,
  fields: {
    name: `Deal ${index}`, partyId: null, value: index % 7 === 0 ? null : 100 * (index % 13), currency: CURRENCIES[index % 3] ?? 'EUR',
    milestone: MILESTONES[index % 6] ?? 'new', probability: 10 * (index % 10), expectedCloseDate: `2026-0${1 + (index % 9)}-15`,
    status: index % 5 === 0 ? 'won' : 'open', lostReason: '', customFields: [], owner: 'owner', ...fields,
  },
});

/** Newest first, as the list index gives them (ties in updatedAt by id, descending). */
const newestFirst = (records: readonly OpportunityRecord[]) =>
  [...records].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));

const full = (records: readonly OpportunityRecord[]) => buildBoard(records, DEFAULT_PIPELINE, { now: NOW, cardLimit: 200 });

describe('the board’s first cards', () => {
  // Updated every few minutes, three at a time: ties at the cut-off are common.
  const all = Array.from({ length: 900 }, (_, index) => opportunity(index, NOW - Math.floor(index / 3) * 300_000));

  it('gives each column exactly the first cards the full board gives it, from the newest opportunities alone', () => {
    const asked = 40;
    const first = firstCards(newestFirst(all).slice(0, asked), asked, DEFAULT_PIPELINE, NOW);
    const board = full(all);
    expect(first.columns.length).toBeGreaterThan(0);
    for (const column of first.columns) {
      const whole = board.columns.find((candidate) => candidate.milestone.id === column.milestone.id);
      expect(whole?.listed).toBe(column.listed);
      expect(column.cards).toEqual(whole?.cards.slice(0, column.cards.length));
    }
    expect(first.columns.flatMap((column) => column.cards).length).toBeGreaterThan(20);
  });

  it('holds back the opportunities tied with the oldest one read when the read was cut off', () => {
    const tied = [opportunity(1, NOW, { milestone: 'new' }), opportunity(2, NOW - 10, { milestone: 'new' }), opportunity(3, NOW - 10, { milestone: 'new' })];
    const first = firstCards(newestFirst(tied).slice(0, 2), 2, DEFAULT_PIPELINE, NOW);
    expect(first.columns.find((column) => column.milestone.id === 'new')?.cards.map((card) => card.name)).toEqual(['Deal 1']);
  });

  it('shows every card when the read held every opportunity', () => {
    const few = all.slice(0, 10);
    const first = firstCards(newestFirst(few), 40, DEFAULT_PIPELINE, NOW);
    expect(first.columns.map((column) => column.cards)).toEqual(full(few).columns.map((column) => column.cards));
  });

  it('leaves counts and totals to the full board, which still counts every opportunity once', () => {
    const first = firstCards(newestFirst(all).slice(0, 40), 40, DEFAULT_PIPELINE, NOW);
    expect(first.columns.every((column) => !('count' in column) && !('totals' in column))).toBe(true);
    const board = full(all);
    const open = all.filter((record) => record.fields.status === 'open');
    expect(board.columns.reduce((sum, column) => sum + column.count, 0)).toBe(open.length);
    const euros = open.filter((record) => record.fields.currency === 'EUR').reduce((sum, record) => sum + (record.fields.value ?? 0), 0);
    expect(board.columns.flatMap((column) => column.totals).filter((total) => total.currency === 'EUR')
      .reduce((sum, total) => sum + total.amount, 0)).toBe(euros);
  });
});
