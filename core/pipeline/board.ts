/**
 * The pipeline board, computed in one pass over the opportunities: open ones in columns by
 * milestone in the owner's order, each column's count and total per currency, which cards are
 * stale, and the forecast (value × probability, by expected-close month and currency).
 * Pure: `now` comes from the caller's clock.
 */
import type { OpportunityRecord, RecordId } from '../records/types';
import type { MilestoneDef, PipelineSettings } from './pipeline-settings';

const DAY_MS = 86_400_000;

export interface BoardCard {
  readonly id: RecordId;
  readonly name: string;
  readonly value: number | null;
  readonly currency: string;
  readonly probability: number;
  readonly expectedCloseDate: string | null;
  readonly updatedAt: number;
  readonly stale: boolean;
}

export interface CurrencyAmount {
  readonly currency: string;
  readonly amount: number;
}

export interface BoardColumn {
  /** The owner's milestone, or for an id no longer listed, that id with no name. */
  readonly milestone: MilestoneDef;
  /** Whether the owner's list still has this milestone. */
  readonly listed: boolean;
  readonly count: number;
  /** Per currency, in code order; opportunities without a value add nothing. */
  readonly totals: readonly CurrencyAmount[];
  /** The most recently touched first, at most the board's card limit. */
  readonly cards: readonly BoardCard[];
}

export interface ForecastLine {
  /** YYYY-MM of the expected close; null for opportunities without one. */
  readonly month: string | null;
  readonly currency: string;
  /** Σ value × probability / 100, unrounded. */
  readonly weighted: number;
}

export interface Board {
  readonly columns: readonly BoardColumn[];
  /** By month (no date last), then currency. */
  readonly forecast: readonly ForecastLine[];
}

/** A card untouched for longer than its milestone allows; a milestone with 0 days never marks one. */
export const isStale = (updatedAt: number, milestone: MilestoneDef, now: number): boolean =>
  milestone.daysUntilStale > 0 && now - updatedAt > milestone.daysUntilStale * DAY_MS;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const addTo = (sums: Map<string, number>, key: string, amount: number) => sums.set(key, (sums.get(key) ?? 0) + amount);

interface ColumnBuild {
  readonly milestone: MilestoneDef;
  readonly listed: boolean;
  readonly cards: BoardCard[];
  readonly totals: Map<string, number>;
}

export interface BoardOptions {
  readonly now: number;
  /** Cards sent per column; the count and totals always cover all of them. */
  readonly cardLimit: number;
}

export const buildBoard = (
  opportunities: Iterable<OpportunityRecord>, pipeline: PipelineSettings, { now, cardLimit }: BoardOptions,
): Board => {
  const columns = new Map<string, ColumnBuild>(pipeline.milestones.map((milestone) =>
    [milestone.id, { milestone, listed: true, cards: [], totals: new Map() }]));
  const unlisted: ColumnBuild[] = [];
  const forecast = new Map<string, ForecastLine>();

  for (const { id, updatedAt, fields } of opportunities) {
    if (fields.status !== 'open') continue;
    let column = columns.get(fields.milestone);
    if (!column) {
      column = { milestone: { id: fields.milestone, name: '', probability: 0, daysUntilStale: 0 }, listed: false, cards: [], totals: new Map() };
      columns.set(fields.milestone, column);
      unlisted.push(column);
    }
    column.cards.push({
      id, name: fields.name, value: fields.value, currency: fields.currency, probability: fields.probability,
      expectedCloseDate: fields.expectedCloseDate, updatedAt, stale: isStale(updatedAt, column.milestone, now),
    });
    if (fields.value === null) continue;
    addTo(column.totals, fields.currency, fields.value);
    const month = fields.expectedCloseDate?.slice(0, 7) ?? null;
    const key = `${month ?? ''}|${fields.currency}`;
    const line = forecast.get(key);
    const weighted = (fields.value * fields.probability) / 100;
    forecast.set(key, { month, currency: fields.currency, weighted: (line?.weighted ?? 0) + weighted });
  }

  const finish = ({ milestone, listed, cards, totals }: ColumnBuild): BoardColumn => ({
    milestone, listed, count: cards.length,
    totals: [...totals].sort(([a], [b]) => byCode(a, b)).map(([currency, amount]) => ({ currency, amount })),
    cards: cards.sort((a, b) => b.updatedAt - a.updatedAt || byCode(a.id, b.id)).slice(0, cardLimit),
  });
  const ordered = [
    ...pipeline.milestones.map((milestone) => columns.get(milestone.id)).filter((column) => column !== undefined),
    ...unlisted.sort((a, b) => byCode(a.milestone.id, b.milestone.id)),
  ];
  return {
    columns: ordered.map(finish),
    forecast: [...forecast.values()].sort((a, b) =>
      (a.month === b.month ? 0 : a.month === null ? 1 : b.month === null ? -1 : byCode(a.month, b.month)) || byCode(a.currency, b.currency)),
  };
};
