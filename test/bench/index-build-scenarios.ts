import * as v from 'valibot';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { IndexStatusSchema } from './bench-api';
import { describeLongTasks, longestOf, LongTasksSchema, recordLongTasks } from './retention-scenarios';
import type { VaultOutcome } from './vault-scenarios';

/** The worker lets its index go once the last page's lease ends; this is well past that. */
const LEASE_END_MS = 1_000;

/**
 * The search index built while a side panel is open: the saved index forgotten (no page holds
 * the search worker), then the panel opened, which connects to the profile's search worker, and
 * the worker builds. The panel is watched for long tasks from its document's start; those from
 * its first row until the index is ready count (what comes before the first row is the side
 * panel scenario's opening, measured there).
 */
export const measureWatchedIndexBuild = async (browser: ExtensionBrowser, page: Page): Promise<VaultOutcome> => {
  await page.evaluate(() => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.forgetSavedIndex();
  });
  await page.waitForTimeout(LEASE_END_MS);
  const panel = await browser.context.newPage();
  try {
    await panel.addInitScript(recordLongTasks);
    await panel.goto(browser.pageUrl('sidepanel.html'));
    await panel.waitForFunction(() => performance.getEntriesByName('locket:first-row').length > 0, undefined, { timeout: 60_000 });
    const firstRowAt = await panel.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('locket:first-row')[0]?.startTime ?? 0));
    const status = v.parse(IndexStatusSchema, await page.evaluate(() => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.indexStatus();
    }));
    const readyAt = Date.now();
    if (status.origin !== 'built') throw new Error(`the panel's search worker should have built its index, not found it ${status.origin}`);
    const tasks = v.parse(LongTasksSchema, await panel.evaluate(() => (window as unknown as { __longTasks: unknown }).__longTasks));
    const during = tasks.filter((task) => task.at + task.ms > firstRowAt && task.at < readyAt);
    return {
      figures: { 'search.buildLongestTask': longestOf(during) },
      notes: [`search: index of ${status.indexed} built while a side panel was open, ready ${((readyAt - firstRowAt) / 1000).toFixed(1)} s after its first row; `
        + `side panel long tasks meanwhile: ${describeLongTasks(during)}`],
    };
  } finally {
    await panel.close();
  }
};
