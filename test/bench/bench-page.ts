import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { collectPageErrors, withDiagnostics } from './page-timing';

/** Opens the bench page, runs `work` with it, closes it; page errors end up in the thrown error. */
export const withBenchPage = async <T>(browser: ExtensionBrowser, what: string, work: (page: Page) => Promise<T>): Promise<T> => {
  const page = await browser.context.newPage();
  const errors = collectPageErrors(page);
  try {
    await page.goto(browser.pageUrl('bench.html'));
    await page.waitForFunction(() => window.locketBench !== undefined, undefined, { timeout: 15_000 });
    return await work(page);
  } catch (error) {
    throw withDiagnostics(what, errors, error);
  } finally {
    await page.close();
  }
};
