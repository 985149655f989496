import type { Page } from '@playwright/test';
import * as v from 'valibot';
import {
  BENCH_PASSWORD, ReadReportSchema, UnlockReportSchema, type ReadReport, type ReadTarget, type SeedReport,
} from './bench-api';
import type { ExtensionBrowser } from './browser';
import type { Figures } from './metrics';
import { collectPageErrors, withDiagnostics } from './page-timing';
import { median } from './stats';

/** What a vault scenario adds to its size's section. */
export interface VaultOutcome {
  readonly figures: Figures;
  readonly notes: readonly string[];
}

/** Read passes per database, alternated so neither always reads the other's warmed cache. */
const READ_PASSES = 3;

const perSecond = (records: number, ms: number): number => (ms > 0 ? (records * 1000) / ms : 0);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const list = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(', ');

const readAll = async (page: Page, target: ReadTarget): Promise<ReadReport> =>
  v.parse(ReadReportSchema, await page.evaluate((which) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.readAll(which);
  }, target));

/**
 * Encryption's cost on writes: the seeding wrote the same inputs through a store with the
 * plain codec into a twin database of the same schema, kind by kind in turn with the account's.
 */
export const plainInsertOutcome = (report: SeedReport): VaultOutcome => {
  const { plain } = report;
  if (plain === null) throw new Error('the seeding wrote no plain twin');
  if (plain.invalid > 0) throw new Error(`${plain.invalid} rows refused in the plain twin, first: ${plain.firstInvalid ?? '?'}`);
  const encryptedRate = perSecond(report.records, report.insertMs);
  const plainRate = perSecond(plain.records, plain.insertMs);
  return {
    figures: { 'vault.insertPlain': plainRate, 'vault.insertRatio': encryptedRate / plainRate },
    notes: [`plain insert: ${plain.records} records in ${ms(plain.insertMs)} (${plain.byKind
      .map((part) => `${part.kind} ${ms(part.ms)}`).join(', ')}); each kind went into both databases back to back, `
      + 'the account\'s first for organisations and cases, the plain twin\'s for people and opportunities'],
  };
};

/** Encryption's cost on reads: every record of both databases, alternating; then the plain twin is dropped. */
export const measureReads = async (page: Page): Promise<VaultOutcome> => {
  try {
    const reads: Record<ReadTarget, ReadReport[]> = { encrypted: [], plain: [] };
    for (let pass = 0; pass < READ_PASSES; pass += 1) {
      for (const target of ['plain', 'encrypted'] as const) reads[target].push(await readAll(page, target));
    }
    const rates = (target: ReadTarget): number[] => reads[target].map((read) => perSecond(read.records, read.ms));
    const counts = [...new Set([...reads.encrypted, ...reads.plain].map((read) => read.records))];
    if (counts.length !== 1) throw new Error(`the reads visited different numbers of records: ${counts.join(', ')}`);
    const encrypted = median(rates('encrypted'));
    const plain = median(rates('plain'));
    return {
      figures: { 'vault.readEncrypted': encrypted, 'vault.readPlain': plain, 'vault.readRatio': encrypted / plain },
      notes: [`read all (forEachBatch 1000, ${counts[0] ?? 0} records), alternating plain then encrypted: `
        + `encrypted ${list(reads.encrypted.map((read) => read.ms))} ms; plain ${list(reads.plain.map((read) => read.ms))} ms`],
    };
  } finally {
    await page.evaluate(() => window.locketBench?.dropPlain());
  }
};

/** unlockWithPassword on a vault created once in the page: PBKDF2-SHA256 plus unwrap, nothing around it. */
export const measureUnlock = async (page: Page, runs: number): Promise<VaultOutcome> => {
  const report = v.parse(UnlockReportSchema, await page.evaluate((count) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.unlock(count);
  }, runs));
  return {
    figures: { 'vault.unlock': median(report.samples) },
    notes: [`unlock (PBKDF2-SHA256 x ${report.iterations.toLocaleString('en-GB')} + unwrap): runs ${list(report.samples)} ms; `
      + `createVault ${ms(report.createMs)}`],
  };
};

/** In the page: performance.now() of the next click anywhere, shadow roots included (click is composed). */
const armClickClock = (): void => {
  window.addEventListener('click', () => { Reflect.set(window, '__benchClickAt', performance.now()); }, { capture: true, once: true });
};

/** In the page: performance.now() on the first frame that shows the popup's surface, or null. */
const surfaceShownAt = (): number | null =>
  document.querySelector('locket-gate')?.shadowRoot?.querySelector('locket-popup') ? performance.now() : null;

/**
 * The lock screen as a person uses it: lock the session (as "lock now" does), open the popup,
 * type the password, click Unlock; ms from the click to the first frame that shows the popup's
 * surface. Includes what the vault figure leaves out: the throttle, the login log, writing
 * the session and opening the surface's services.
 */
export const measureUiUnlock = async (browser: ExtensionBrowser, benchPage: Page, runs: number): Promise<VaultOutcome> => {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await benchPage.evaluate(() => window.locketBench?.lock());
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(browser.pageUrl('popup.html'));
      await page.getByRole('heading', { name: 'Locket is locked', exact: true }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Password', { exact: true }).fill(BENCH_PASSWORD);
      await page.evaluate(armClickClock);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      const shown = await page.waitForFunction(surfaceShownAt, undefined, { polling: 'raf', timeout: 20_000 });
      const clickedAt: unknown = await page.evaluate(() => Reflect.get(window, '__benchClickAt'));
      const shownAt: unknown = await shown.jsonValue();
      if (typeof clickedAt !== 'number' || typeof shownAt !== 'number') throw new Error('the click or the surface went unseen');
      times.push(shownAt - clickedAt);
    } catch (error) {
      throw withDiagnostics(`popup.html unlock, run ${run + 1}`, errors, error);
    } finally {
      await page.close();
    }
  }
  return {
    figures: { 'vault.unlockUi': median(times) },
    notes: [`unlock through the popup's lock screen (click → surface, frame-polled): runs ${list(times)} ms`],
  };
};
