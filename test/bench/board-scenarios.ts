import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { BoardSeedReportSchema } from './bench-api';
import type { ExtensionBrowser } from './browser';
import { SCREEN_KEPT, timeToMark } from './page-timing';
import { median } from './stats';
import type { VaultOutcome } from './vault-scenarios';

/** The figure: the board's first paint with this many open opportunities. */
export const BOARD_OPEN_OPPORTUNITIES = 10_000;

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const list = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(', ');

/**
 * The side panel opened on the board (`sidepanel.html#pipeline`) with at least 10,000 open
 * opportunities: from navigation start to `locket:board-first-paint` (the frame after the first
 * cards are drawn) and to `locket:board-complete` (the worker's board, exact counts and totals),
 * beside the plain list's first row (`locket:first-row`), opened in turn in the same run as its floor.
 */
export const measureBoard = async (browser: ExtensionBrowser, page: Page, size: number, runs: number, seed: number): Promise<VaultOutcome> => {
  const seeded = v.parse(BoardSeedReportSchema, await page.evaluate(([total, wanted, seedValue]) => {
    // Runs in the page: self-contained, no closures over this module.
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.seedOpenOpportunities(total, wanted, seedValue);
  }, [size, BOARD_OPEN_OPPORTUNITIES, seed] as const));
  if (seeded.open < BOARD_OPEN_OPPORTUNITIES) throw new Error(`the account holds ${seeded.open} open opportunities`);
  const firstPaint: number[] = [];
  const complete: number[] = [];
  const listFirstRow: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const stages = new Map<string, number[]>();
    complete.push(await timeToMark(browser.context, `${browser.pageUrl('sidepanel.html')}#pipeline`, 'locket:board-complete', '.card', 60_000, stages, undefined, SCREEN_KEPT));
    const painted = stages.get('board-first-paint')?.[0];
    if (painted === undefined) throw new Error('the board marked its complete board but not its first paint');
    firstPaint.push(painted);
    listFirstRow.push(await timeToMark(browser.context, browser.pageUrl('sidepanel.html'), 'locket:first-row', '[role="listitem"] .row', undefined, undefined, undefined, SCREEN_KEPT));
  }
  return {
    figures: { 'board.firstPaint': median(firstPaint), 'board.complete': median(complete), 'board.listFirstRow': median(listFirstRow) },
    notes: [`board: ${seeded.open} open of ${seeded.opportunities} opportunities (${seeded.added} added for the figure, kept for the scenarios after it); `
      + `first cards ${ms(median(firstPaint))} (runs ${list(firstPaint)}), exact board ${ms(median(complete))} (runs ${list(complete)}), `
      + `the list's first row ${ms(median(listFirstRow))} (runs ${list(listFirstRow)}), ms from navigation start, opened in turn`],
  };
};
