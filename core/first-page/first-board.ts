/**
 * The board's first cards as last drawn, sealed under the account key (sealed-screen.ts), for a
 * side panel opened on `#pipeline`: per milestone its name and its first few cards' title and
 * value as shown. No counts or totals: they are the worker's, and would be stale.
 */
import * as v from 'valibot';
import type { Bytes } from '../vault/types';
import { clip, openScreen, sealScreen, TextOf } from './sealed-screen';

export const FIRST_BOARD_COLUMNS = 12;
/** Cards per milestone: what a column shows before the panel's fold. */
export const FIRST_BOARD_CARDS = 4;
const PURPOSE = 'locket first board';
const MAX_TEXT = 200;

const Text = TextOf(MAX_TEXT);
const FirstBoardSchema = v.object({
  columns: v.pipe(v.array(v.object({
    name: Text,
    cards: v.pipe(v.array(v.object({ title: Text, value: Text })), v.maxLength(FIRST_BOARD_CARDS)),
  })), v.maxLength(FIRST_BOARD_COLUMNS)),
});
export type FirstBoard = v.InferOutput<typeof FirstBoardSchema>;

export const sealFirstBoard = (accountKey: Bytes, board: FirstBoard): Promise<unknown> =>
  sealScreen(accountKey, PURPOSE, {
    columns: board.columns.slice(0, FIRST_BOARD_COLUMNS).map((column) => ({
      name: clip(column.name, MAX_TEXT),
      cards: column.cards.slice(0, FIRST_BOARD_CARDS).map((card) => ({ title: clip(card.title, MAX_TEXT), value: clip(card.value, MAX_TEXT) })),
    })),
  });

export const openFirstBoard = (accountKey: Bytes, stored: unknown): Promise<FirstBoard | null> =>
  openScreen(accountKey, PURPOSE, FirstBoardSchema, stored);
