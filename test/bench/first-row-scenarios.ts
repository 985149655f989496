import type { ExtensionBrowser } from './browser';
import type { Figures } from './metrics';
import { SCREEN_KEPT, timeToMark } from './page-timing';
import { traced } from './profiler';
import { median } from './stats';

/**
 * Before each open, nothing of the extension holds the account's database for this long, so the
 * browser lets the origin's IndexedDB storage go (it keeps it a couple of seconds after the last
 * connection closes) and the open reads it back from disk, as a side panel opened after a while does.
 */
export const IDLE_BEFORE_OPEN_MS = 5_000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });
const at = (stages: Map<string, number[]>, name: string): number => median(stages.get(name) ?? []);
const list = (times: readonly number[]): string => times.map((time) => time.toFixed(1)).join(', ');

/** The bare page's own measures (durations, not marks), read back from the page it ran in. */
export const bareMeasures = async (browser: ExtensionBrowser): Promise<{ readonly openMs: number; readonly reopenMs: number; readonly pageMs: number; readonly scriptAt: number }> => {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.pageUrl('bench-open.html'), { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('locket:bare-done').length > 0, undefined, { timeout: 20_000 });
    // Runs in the page: no named functions (the bench's loader would wrap them in a helper the page lacks).
    return await page.evaluate(() => {
      const script = performance.getEntriesByName('locket:bare-script')[0]?.startTime ?? 0;
      return {
        scriptAt: script,
        openMs: (performance.getEntriesByName('locket:bare-open')[0]?.startTime ?? 0) - script,
        reopenMs: performance.getEntriesByName('locket:bare-reopen')[0]?.duration ?? 0,
        pageMs: performance.getEntriesByName('locket:bare-page')[0]?.duration ?? 0,
      };
    });
  } finally {
    await page.close();
  }
};

/**
 * The side panel's first row beside its floor, in turns and under the same conditions: after
 * IDLE_BEFORE_OPEN_MS with no page of the extension open, a bare page opens the same database in
 * the same origin (no code of Locket's: bench-open.html), then, after the same wait, the side panel.
 */
export const measureFirstRow = async (
  browser: ExtensionBrowser, size: number, runs: number, profileDir: string | undefined,
): Promise<{ readonly figures: Figures; readonly notes: string[] }> => {
  const url = browser.pageUrl('sidepanel.html');
  const times: number[] = [];
  const bare: { openMs: number; reopenMs: number; pageMs: number; scriptAt: number }[] = [];
  const stages = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    await sleep(IDLE_BEFORE_OPEN_MS);
    bare.push(await bareMeasures(browser));
    await sleep(IDLE_BEFORE_OPEN_MS);
    const open = () => timeToMark(browser.context, url, 'locket:first-row', '[role="listitem"] .row', undefined, stages, 'locket:list-row', SCREEN_KEPT);
    if (run === Math.min(1, runs - 1) && profileDir !== undefined) {
      // The second open (the first with a screen remembered, when there are two) traced browser-wide,
      // IndexedDB's own work included, from a blank page of its own.
      const blank = await browser.context.newPage();
      try {
        times.push(await traced(blank, profileDir, `sidepanel.html-${size}`, open));
      } finally {
        await blank.close();
      }
    } else {
      times.push(await open());
    }
  }
  const opens = bare.map((entry) => entry.openMs);
  const figures: Figures = {
    'sidepanel.firstRow': median(times),
    'sidepanel.bareOpen': median(opens),
    'sidepanel.bareReopen': median(bare.map((entry) => entry.reopenMs)),
  };
  const gateWait = at(stages, 'gate-open') - at(stages, 'dom-content-loaded');
  return {
    figures,
    notes: [
      `sidepanel.html → locket:first-row: runs ${list(times)} ms; stages (median ms from navigation start) `
        + [...stages].sort((a, b) => median(a[1]) - median(b[1])).map(([name, seen]) => `${name} ${median(seen).toFixed(1)}`).join(', ')
        + `; DOMContentLoaded to the gate's connection ${gateWait.toFixed(1)} ms. The first row is the rows remembered from the last `
        + 'side panel (first-row) when it comes before the live list\'s own (list-row)',
      `bare open of the same database, same origin, no page code (bench-open.html, ${IDLE_BEFORE_OPEN_MS / 1000} s idle before each open, as before each side panel): `
        + `first open runs ${list(opens)} ms (from its script's start, median script start ${median(bare.map((entry) => entry.scriptAt)).toFixed(1)} ms after navigation); `
        + `a second open right after closing the first ${list(bare.map((entry) => entry.reopenMs))} ms; `
        + `then the first 50 stored rows, undecrypted, ${list(bare.map((entry) => entry.pageMs))} ms`,
    ],
  };
};
