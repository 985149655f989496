import type { BrowserContext, Page } from '@playwright/test';
import * as v from 'valibot';

const MarkTimeSchema = v.pipe(v.number(), v.minValue(0));

/** Errors a page reports, kept so a failed scenario says why instead of just timing out. */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
};

export const withDiagnostics = (what: string, errors: readonly string[], error: unknown): Error => {
  const reason = error instanceof Error ? error.message : String(error);
  const seen = errors.length > 0 ? `\n    page said:\n      ${errors.slice(0, 8).join('\n      ')}` : '';
  return new Error(`${what}: ${reason}${seen}`);
};

/** The longest a side panel is kept open for its `keepOpenUntil` mark. */
const KEEP_OPEN_MS = 3_000;

/** What the side panel marks once it kept its first screen for the next panel (platform/page-services/first-screen-keeper.ts). */
export const SCREEN_KEPT = 'locket:screen-kept';

/**
 * Opens `url` in a new tab and returns the startTime of the performance mark `mark`:
 * milliseconds from the start of that navigation to the moment the page marked it.
 */
export const timeToMark = async (
  context: BrowserContext,
  url: string,
  mark: string,
  /** What the mark announces, found with a shadow-piercing selector: says whether only the mark is missing. */
  evidenceSelector: string,
  timeoutMs = 20_000,
  /** When given, collects the page's other `locket:*` marks and DOMContentLoaded, by name, run after run. */
  stages?: Map<string, number[]>,
  /** A later mark the stages wait for too (the live list's row, after rows remembered from before). */
  laterMark?: string,
  /**
   * A mark the page is kept open for, at most KEEP_OPEN_MS, after the figure: a side panel keeps
   * its first screen for the next one a moment after drawing (the keeper's 'locket:screen-kept'),
   * and a user's panel stays open longer than the bench's otherwise would.
   */
  keepOpenUntil?: string,
): Promise<number> => {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark').length > 0,
      mark,
      { timeout: timeoutMs },
    );
    const startTime = await page.evaluate(
      (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? -1,
      mark,
    );
    if (stages) {
      if (laterMark !== undefined) {
        await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, laterMark, { timeout: timeoutMs });
      }
      const seen = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const marks = performance.getEntriesByType('mark').filter((entry) => entry.name.startsWith('locket:'))
          .map((entry) => [entry.name.replace('locket:', ''), entry.startTime] as const);
        return [...(navigation ? [['dom-content-loaded', navigation.domContentLoadedEventEnd] as const] : []), ...marks];
      });
      for (const [name, at] of seen) stages.set(name, [...(stages.get(name) ?? []), at]);
    }
    if (keepOpenUntil !== undefined) {
      await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, keepOpenUntil, { timeout: KEEP_OPEN_MS }).catch(() => undefined);
    }
    return v.parse(MarkTimeSchema, startTime);
  } catch (error) {
    const evidence = await page.locator(evidenceSelector).count().catch(() => 0);
    const seen = evidence > 0 ? ` although ${evidence} "${evidenceSelector}" element(s) are on the page` : '';
    throw withDiagnostics(`${url} never marked "${mark}"${seen}`, errors, error);
  } finally {
    await page.close();
  }
};

/**
 * Installed before the page's own scripts: on every animation frame, looks through the
 * document and every open shadow root for `selector` and records performance.now() the
 * first time it matches. A string, so nothing from this module leaks into the page.
 */
const firstMatchWatcher = (selector: string): string => `(() => {
  const selector = ${JSON.stringify(selector)};
  const matches = (root) => root.querySelector(selector) !== null
    || [...root.querySelectorAll('*')].some((element) => element.shadowRoot !== null && matches(element.shadowRoot));
  const tick = () => {
    if (matches(document)) { window.__benchFirstMatchAt = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * A stand-in for a missing mark, for diagnosis only: ms from navigation start to the first
 * frame on which `selector` is on the page. Frame-polled, so up to a frame late, and the
 * polling itself costs the page a little; never reported as the figure.
 */
export const timeToFirstMatch = async (
  context: BrowserContext,
  url: string,
  selector: string,
  timeoutMs = 10_000,
): Promise<number> => {
  const page = await context.newPage();
  try {
    await page.addInitScript(firstMatchWatcher(selector));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => Reflect.get(window, '__benchFirstMatchAt') as unknown,
      undefined,
      { timeout: timeoutMs },
    );
    return v.parse(MarkTimeSchema, await handle.jsonValue());
  } finally {
    await page.close();
  }
};
