import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { ReminderReportSchema, TasksSeedReportSchema, TimelineFloorReportSchema } from './bench-api';
import type { ExtensionBrowser } from './browser';
import { bareMeasures, IDLE_BEFORE_OPEN_MS, sleep } from './first-row-scenarios';
import { collectPageErrors, SCREEN_KEPT, timeToMark, withDiagnostics } from './page-timing';
import { median } from './stats';
import type { VaultOutcome } from './vault-scenarios';

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const list = (times: readonly number[]): string => times.map((time) => time.toFixed(1)).join(', ');

/** Generous: a loaded shared machine slows every page, and a figure late is still a figure. */
const MARK_TIMEOUT_MS = 60_000;

/** Issue 16's size: half as many tasks as records (50,000 at 100k). */
export const tasksFor = (size: number): number => Math.round(size / 2);

/**
 * The side panel opened on the Tasks view (`#tasks`) to its first row, beside two floors taken in
 * turns in the same run: a bare page's script start (bench-open.html, no code of Locket's) and
 * the side panel opened on its plain list to its first row. Each open follows IDLE_BEFORE_OPEN_MS
 * with no page of the extension open, as the side panel's own figure does: a panel opened the
 * moment the last one closed shares the machine with that one's unfinished work.
 */
const tasksFirstRows = async (browser: ExtensionBrowser, runs: number) => {
  const tasks: number[] = [];
  const list: number[] = [];
  const bareScript: number[] = [];
  const stages = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    await sleep(IDLE_BEFORE_OPEN_MS);
    bareScript.push((await bareMeasures(browser)).scriptAt);
    await sleep(IDLE_BEFORE_OPEN_MS);
    tasks.push(await timeToMark(browser.context, `${browser.pageUrl('sidepanel.html')}#tasks`, 'locket:tasks-first-row', 'li[data-task]', MARK_TIMEOUT_MS, stages, undefined, SCREEN_KEPT));
    await sleep(IDLE_BEFORE_OPEN_MS);
    list.push(await timeToMark(browser.context, browser.pageUrl('sidepanel.html'), 'locket:first-row', '[role="listitem"] .row', MARK_TIMEOUT_MS, undefined, undefined, SCREEN_KEPT));
  }
  return { tasks, list, bareScript, stages };
};

/**
 * The record's page in a new side panel (an open request made first, as a reminder's click
 * does), then a click on "Timeline": ms from the click (in-page listener) to the timeline's
 * `locket:timeline-first-screen` mark. One tab per run.
 */
const timelineOpen = async (browser: ExtensionBrowser, bench: Page, id: string): Promise<number> => {
  await bench.evaluate((recordId) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.openInSidePanel(recordId);
  }, id);
  const panel = await browser.context.newPage();
  const errors = collectPageErrors(panel);
  try {
    await panel.goto(browser.pageUrl('sidepanel.html'));
    const toggle = panel.getByRole('button', { name: 'Timeline', exact: true });
    await toggle.waitFor({ timeout: MARK_TIMEOUT_MS });
    await panel.evaluate(() => {
      window.addEventListener('click', () => { Reflect.set(window, '__benchClickAt', performance.now()); }, { capture: true, once: true });
    });
    await toggle.click();
    await panel.waitForFunction(() => performance.getEntriesByName('locket:timeline-first-screen', 'mark').length > 0, undefined, { timeout: MARK_TIMEOUT_MS });
    const [clickedAt, markedAt] = await panel.evaluate(() => [
      Reflect.get(window, '__benchClickAt') as unknown,
      performance.getEntriesByName('locket:timeline-first-screen', 'mark')[0]?.startTime,
    ]);
    if (typeof clickedAt !== 'number' || typeof markedAt !== 'number') throw new Error('the click or the mark went unseen');
    return markedAt - clickedAt;
  } catch (error) {
    const drawn = await panel.locator('locket-timeline ol > li').count().catch(() => -1);
    const alerts = await panel.getByRole('alert').allTextContents().catch(() => []);
    throw withDiagnostics(`the timeline never marked its first screen (${drawn} entries drawn; alerts: ${alerts.join(' | ') || 'none'})`, errors, error);
  } finally {
    await panel.close();
  }
};

/**
 * Issue 16's figures over the seeded account: seeds the tasks and the timeline's record first.
 * Each figure is handed to `keep` as soon as it is measured, so one that fails loses no other.
 */
export const measureTasks = async (
  browser: ExtensionBrowser, bench: Page, size: number, seed: number, runs: number, keep: (outcome: VaultOutcome) => void,
): Promise<void> => {
  const seeded = v.parse(TasksSeedReportSchema, await bench.evaluate(([count, seedValue]) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.seedTasks(count, seedValue);
  }, [tasksFor(size), seed] as const));
  const notes = [`tasks: seeded ${seeded.tasks} tasks in ${ms(seeded.tasksMs)} and a timeline of ${seeded.timelineEntries} entries in ${ms(seeded.timelineMs)} (not timed as figures)`];

  const reminders = v.parse(ReminderReportSchema, await bench.evaluate((count) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.reminders(count);
  }, runs));
  if (reminders.reminders > 0 && reminders.alarmAt === null) throw new Error('the reminder round set no alarm');
  keep({ figures: { 'tasks.remind': median(reminders.roundMs), 'tasks.remindFloor': median(reminders.floorMs) }, notes: [] });
  notes.push(`reminders: ${reminders.reminders} in the remind index; round runs ${list(reminders.roundMs)} ms, bare index read ${list(reminders.floorMs)} ms; `
    + `alarm set for ${reminders.alarmAt === null ? 'nothing' : new Date(reminders.alarmAt).toISOString()}`);

  const firstRows = await tasksFirstRows(browser, runs);
  notes.push(`tasks view → locket:tasks-first-row (${IDLE_BEFORE_OPEN_MS / 1000} s idle before each open): runs ${list(firstRows.tasks)} ms; `
    + `plain list first row, same run: ${list(firstRows.list)} ms; bare page's script start, same run: ${list(firstRows.bareScript)} ms; stages (median ms) `
    + [...firstRows.stages].sort((a, b) => median(a[1]) - median(b[1])).map(([name, at]) => `${name} ${median(at).toFixed(1)}`).join(', '));

  keep({ figures: { 'tasks.firstRow': median(firstRows.tasks), 'tasks.listFloor': median(firstRows.list), 'tasks.bareScript': median(firstRows.bareScript) }, notes: [...notes] });
  notes.length = 0;
  const timeline: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    timeline.push(await timelineOpen(browser, bench, seeded.timelineId));
    floor.push(v.parse(TimelineFloorReportSchema, await bench.evaluate((id) => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.timelineFloor(id);
    }, seeded.timelineId)).ms);
  }
  notes.push(`timeline of ${seeded.timelineEntries} entries, click → locket:timeline-first-screen: runs ${list(timeline)} ms; bare read and decryption of one page of its sources ${list(floor)} ms`);

  keep({ figures: { 'tasks.timeline': median(timeline), 'tasks.timelineFloor': median(floor) }, notes });
};
