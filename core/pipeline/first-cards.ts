/**
 * The board's first paint, before the worker's pass over every opportunity: the cards of the
 * newest opportunities only, read newest first through the list index. Invariant: each
 * column's cards are exactly the first cards the full board gives that column (an unread
 * opportunity is older than every card shown, and the full board sorts newest first), so the
 * full board only adds cards below them; counts, totals and the forecast are not known yet.
 * Pure: `now` comes from the caller's clock.
 */
import type { OpportunityRecord } from '../records/types';
import { buildBoard, type BoardColumn } from './board';
import type { PipelineSettings } from './pipeline-settings';

/** Opportunities in the first read: a screenful of cards for every column, small enough to paint in one frame. */
export const FIRST_READ = 60;

export type FirstColumn = Pick<BoardColumn, 'milestone' | 'listed' | 'cards'>;

export interface FirstCards {
  readonly columns: readonly FirstColumn[];
}

/**
 * `newest` are the newest opportunities, newest first, as read with a limit of `asked`. When
 * the read was cut off, opportunities as old as the oldest one read may have been left out
 * (a tie in updatedAt), so those are held back for the full board.
 */
export const firstCards = (
  newest: readonly OpportunityRecord[], asked: number, pipeline: PipelineSettings, now: number,
): FirstCards => {
  const oldest = newest.at(-1)?.updatedAt;
  const sure = newest.length < asked || oldest === undefined ? newest : newest.filter((record) => record.updatedAt > oldest);
  const board = buildBoard(sure, pipeline, { now, cardLimit: asked });
  return { columns: board.columns.map(({ milestone, listed, cards }) => ({ milestone, listed, cards })) };
};
