import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { ArchiveReportSchema, BareDeleteReportSchema, SweepBenchReportSchema } from './bench-api';
import type { ExtensionBrowser } from './browser';
import { collectPageErrors } from './page-timing';
import { traced } from './profiler';
import type { VaultOutcome } from './vault-scenarios';

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Each long task's wall-clock start (timeOrigin + startTime) and duration, in ms. */
export const LongTasksSchema = v.array(v.object({ at: v.number(), ms: v.pipe(v.number(), v.minValue(0)), from: v.optional(v.string()) }));
export type LongTask = v.InferOutput<typeof LongTasksSchema>[number];
/** Past the delay after which an opened page starts its own sweep, and that sweep's short run. */
const PAGE_SWEEP_SETTLE_MS = 5_000;
/**
 * Long enough for the panel's worker to read back every trashed record and drop it from its
 * index (about 0.1 ms a record here, then MiniSearch's vacuum), as it would have long before a
 * real sweep: 3 s at 10k, 15 s at 100k.
 */
/** How long after a restore the panel's answer to it (reloading its lists) is still counted. */
const RESTORE_ANSWER_MS = 500;
const indexSettleMs = (records: number): number => Math.max(3_000, records * 0.15);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const perSecond = (records: number, millis: number): number => (millis > 0 ? (records * 1000) / millis : 0);
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A backup of the seeded account through the worker, and its restore, with a side panel open and watched for long tasks. */
export const measureArchive = async (browser: ExtensionBrowser, page: Page, records: number, profileDir?: string): Promise<VaultOutcome> => {
  const { value: report, longTasks: allTasks, settledMs } = await withWatchedPanel(browser, page, records, async () => v.parse(ArchiveReportSchema, await page.evaluate(() => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.archive();
  })), profileDir === undefined ? undefined : { dir: profileDir, name: `archive-${records}` });
  if (report.restored !== report.records) throw new Error(`the restore wrote ${report.restored} of ${report.records} records`);
  // The floor that follows runs in the bench page, whose tasks every extension page shares: it does not count.
  // The panel's own answer to the restore (its lists reload) comes just after it, and counts.
  const longTasks = during(allTasks, report.startedAt, report.backupMs + report.restoreMs + RESTORE_ANSWER_MS);
  return {
    figures: {
      'backup.make': report.backupMs, 'backup.restore': report.restoreMs, 'backup.bareput': report.barePutMs,
      'backup.ratio': report.barePutMs > 0 ? report.restoreMs / report.barePutMs : 0, 'backup.longestTask': longestOf(longTasks),
      ...(report.replaceFloorMs === undefined ? {} : {
        'backup.floor': report.snapshotMs + report.replaceFloorMs,
        'backup.floorRatio': report.restoreMs / (report.snapshotMs + report.replaceFloorMs),
      }),
    },
    notes: [`backup: ${report.records} records into ${megabytes(report.bytes)} in ${ms(report.backupMs)} `
      + `(${Math.round(perSecond(report.records, report.backupMs))} rec/s); restore ${ms(report.restoreMs)} `
      + `(${Math.round(perSecond(report.records, report.restoreMs))} rec/s, the safety snapshot included); `
      + `bare put of the restored rows ${ms(report.barePutMs)}; a snapshot of the same data alone ${ms(report.snapshotMs)}`
      + `${report.replaceFloorMs === undefined ? '' : `; the restore's rows and sets put again bare in one transaction over as many rows ${ms(report.replaceFloorMs)}`}`
      + `; side panel long tasks meanwhile: ${describeLongTasks(longTasks)}; ${describeSettle(settledMs)}`],
  };
};

/** The tasks that overlap [startedAt, startedAt + ms]. */
export const during = (tasks: readonly LongTask[], startedAt: number, ms: number): LongTask[] =>
  tasks.filter((task) => task.at < startedAt + ms && task.at + task.ms > startedAt);

export const longestOf = (longTasks: readonly LongTask[]): number => Math.max(0, ...longTasks.map((task) => task.ms));
export const describeLongTasks = (longTasks: readonly LongTask[]): string =>
  (longTasks.length === 0 ? 'none over 50 ms' : `${longTasks.map((task) => `${task.ms.toFixed(0)} ms${task.from ? ` (${task.from})` : ''}`).join(', ')}`);

/** How long a panel may take to finish its own sweep and its search index before the run gives up waiting. */
const PANEL_SETTLE_LIMIT_MS = 300_000;

/**
 * Waits until the panel opened at `since` has finished its own sweep and the search worker holds
 * its index (the bench page asks, `panelSettled`), or the limit passes. A fixed wait was not
 * enough on a loaded machine: the panel's daily snapshot and index build ran on beside the work
 * timed next. Returns how long it waited past the fixed settle, for the notes; null when it gave up.
 */
const settlePanel = async (page: Page, since: number): Promise<number | null> => {
  const started = Date.now();
  while (Date.now() - started < PANEL_SETTLE_LIMIT_MS) {
    const settled = await page.evaluate((at) => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.panelSettled(at);
    }, since);
    if (settled) return Date.now() - started;
    await page.waitForTimeout(1_000);
  }
  return null;
};

/** The notes' words for how long a watched panel took to settle. */
export const describeSettle = (settledMs: number | null): string =>
  (settledMs === null ? `the panel had not settled after ${PANEL_SETTLE_LIMIT_MS / 1000} s (its sweep or index ran on meanwhile)`
    : `the panel's own sweep and index were done ${(settledMs / 1000).toFixed(1)} s past the fixed wait`);

/**
 * Runs `work` with a side panel open and watched for long tasks, from just before `work` until
 * 0.5 s after it, as the sweep's figure is. The panel is first left past its own sweep and until
 * its search worker has the index of `records` ready (`settlePanel`), so neither competes with `work`.
 * With `trace` (`--profile`), the panel's renderer is traced meanwhile.
 */
export const withWatchedPanel = async <T>(
  browser: ExtensionBrowser, page: Page, records: number, work: () => Promise<T>, trace?: { readonly dir: string; readonly name: string },
): Promise<{ value: T; longTasks: LongTask[]; settledMs: number | null }> => {
  const panel = await browser.context.newPage();
  try {
    const openedAt = Date.now();
    await panel.goto(browser.pageUrl('sidepanel.html'));
    await panel.locator('locket-workspace').waitFor({ timeout: 20_000 });
    await panel.waitForTimeout(PAGE_SWEEP_SETTLE_MS + indexSettleMs(records));
    const settledMs = await settlePanel(page, openedAt);
    await watchLongTasks(panel);
    const value = await traced(panel, trace?.dir, trace?.name ?? '', async () => {
      const done = await work();
      await panel.waitForTimeout(500);
      return done;
    });
    return { value, longTasks: v.parse(LongTasksSchema, await panel.evaluate(() => (window as unknown as { __longTasks: unknown }).__longTasks)), settledMs };
  } finally {
    await panel.close();
  }
};

/**
 * Records every long task (over 50 ms) of the page it runs in from then on, in window.__longTasks.
 * Runs in the page: `page.evaluate` it to start now, or `page.addInitScript` it to start with the document.
 */
export const recordLongTasks = (): void => {
  const seen: { at: number; ms: number; from: string }[] = [];
  Object.assign(window, { __longTasks: seen });
  new PerformanceObserver((list) => {
    // The entry's name says whose task it was: 'self' (this page) or another context sharing the thread.
    for (const entry of list.getEntries()) seen.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, from: entry.name });
  }).observe({ type: 'longtask' });
};

const watchLongTasks = (page: Page): Promise<void> => page.evaluate(recordLongTasks);

/**
 * Every record moved to the trash through the store and aged 31 days, then one sweep purging them all through the
 * sweep worker while a side panel is open and watched for long tasks, beside the floor: the
 * same keys deleted with bare IndexedDB. Destroys the seeded data, so it runs last.
 */
export const measureSweep = async (browser: ExtensionBrowser, page: Page, profileDir?: string): Promise<VaultOutcome> => {
  const panel = await browser.context.newPage();
  const panelErrors = collectPageErrors(panel);
  try {
    await panel.goto(browser.pageUrl('sidepanel.html'));
    await panel.locator('locket-workspace').waitFor({ timeout: 20_000 });
    // The panel runs a sweep of its own shortly after it opens; it must find nothing to do.
    await panel.waitForTimeout(PAGE_SWEEP_SETTLE_MS);
    const expired = v.parse(CountSchema, await page.evaluate(() => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.expireEverything();
    }));
    // The panel heard every record go to the trash: its list empties and its search index drops
    // them (outside the figure, as it would have happened days before a real sweep).
    await panel.getByText('No people yet.').waitFor({ timeout: 60_000 });
    await panel.waitForTimeout(indexSettleMs(expired));
    const bare = v.parse(BareDeleteReportSchema, await page.evaluate(() => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.bareDelete();
    }));
    await watchLongTasks(panel);
    // Traced with --profile: the trace holds every thread of the renderer, the bench page's sweep worker included.
    const sweep = v.parse(SweepBenchReportSchema, await traced(panel, profileDir, `sweep-${expired}`, () => page.evaluate(() => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.sweep();
    })));
    // Announcements of the last batches may still be reaching the panel.
    await panel.waitForTimeout(500);
    const longTasks = v.parse(LongTasksSchema, await panel.evaluate(() => (window as unknown as { __longTasks: unknown }).__longTasks));
    if (sweep.purged !== expired) throw new Error(`the sweep purged ${sweep.purged} of ${expired} expired records`);
    const longest = longestOf(longTasks);
    return {
      figures: {
        'sweep.purge': perSecond(sweep.purged, sweep.sweepMs),
        'sweep.bareDelete': perSecond(bare.records, bare.deleteMs),
        'sweep.ratio': bare.deleteMs > 0 ? sweep.sweepMs / bare.deleteMs : 0,
        'sweep.barePurge': perSecond(bare.records, bare.purgeMs),
        'sweep.purgeRatio': bare.purgeMs > 0 ? sweep.sweepMs / bare.purgeMs : 0,
        'sweep.longestTask': longest,
      },
      notes: [`sweep: ${sweep.purged} records purged and ${sweep.changeSetsDeleted} change sets deleted in ${ms(sweep.sweepMs)}; `
        + `bare delete of ${bare.records} keys ${ms(bare.deleteMs)}; bare purge of the same rows with tombstones, `
        + `${bare.setsDeleted} change sets deleted, a purge set, outbox row and audit entry per 1000: ${ms(bare.purgeMs)}; side panel long tasks during the sweep: `
        + describeLongTasks(longTasks)
        + (panelErrors.length > 0 ? `; the panel said: ${panelErrors.slice(0, 3).join(' | ')}` : '')],
    };
  } finally {
    await panel.close();
  }
};
