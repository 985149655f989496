import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PROJECT_ROOT, extensionIdOf, launchWithExtension, openSurfaceIn, type LaunchOptions, type Surface,
} from './launch';

export { expect } from '@playwright/test';
export { pageErrors, type Surface } from './launch';

const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** The browser after a restart on the same profile: same id, same IndexedDB. */
export interface Relaunched {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly openSurface: (surface: Surface) => Promise<Page>;
}

export interface LocketFixtures {
  /** Hosts the extension holds from install; a spec sets it with `test.use` (see LaunchOptions). */
  readonly grantedHosts: NonNullable<LaunchOptions['grantedHosts']>;
  /** The browser's language; a spec sets it with `test.use({ browserLocale: 'de-DE' })`. */
  readonly browserLocale: LaunchOptions['locale'];
  /** A fresh profile folder per test, removed afterwards. */
  readonly userDataDir: string;
  /** Chromium with the built extension loaded. Stale after `relaunch()`; use its result. */
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Opens popup.html, sidepanel.html or options.html in a new tab of the live browser. */
  readonly openSurface: (surface: Surface) => Promise<Page>;
  /**
   * Full-page screenshot to test-results/screenshots/<name>.png. Not called
   * `screenshot`: that name is Playwright's own option for screenshots on failure.
   */
  readonly saveScreenshot: (page: Page, name: string) => Promise<void>;
  /** Closes the browser and starts a new one on the same profile. */
  readonly relaunch: () => Promise<Relaunched>;
}

/** The browser currently running for this test; `relaunch()` replaces it. */
interface LiveBrowser {
  current: BrowserContext;
}

/**
 * Collects every uncaught exception thrown on any page of `context` (side panel, popup,
 * options, and pages opened later), so a test fails on one even when it never looked.
 */
export const watchForPageErrors = (context: BrowserContext, uncaught: string[]): void => {
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => uncaught.push(`${page.url()}: ${error.stack ?? error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
};

/**
 * `uncaughtPageErrors` is set up before the browser and torn down after it: every test fails
 * when any extension page threw, whatever the test itself checked.
 */
export const test = base.extend<LocketFixtures & { liveBrowser: LiveBrowser; uncaughtPageErrors: string[] }>({
  grantedHosts: [[], { option: true }],
  browserLocale: [undefined, { option: true }],
  // Playwright's fixture API needs an object pattern even with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'locket-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  },
  // eslint-disable-next-line no-empty-pattern
  uncaughtPageErrors: async ({}, use) => {
    const uncaught: string[] = [];
    await use(uncaught);
    if (uncaught.length > 0) throw new Error(`Uncaught error on an extension page:\n${uncaught.join('\n')}`);
  },
  liveBrowser: async ({ userDataDir, uncaughtPageErrors, grantedHosts, browserLocale }, use) => {
    const live: LiveBrowser = { current: await launchWithExtension(userDataDir, { grantedHosts, locale: browserLocale }) };
    watchForPageErrors(live.current, uncaughtPageErrors);
    await use(live);
    await live.current.close();
  },
  context: async ({ liveBrowser }, use) => {
    await use(liveBrowser.current);
  },
  extensionId: async ({ liveBrowser }, use) => {
    await use(await extensionIdOf(liveBrowser.current));
  },
  openSurface: async ({ liveBrowser, extensionId }, use) => {
    await use((surface) => openSurfaceIn(liveBrowser.current, extensionId, surface));
  },
  // eslint-disable-next-line no-empty-pattern
  saveScreenshot: async ({}, use) => {
    await use(async (page, name) => {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    });
  },
  relaunch: async ({ liveBrowser, userDataDir, uncaughtPageErrors, grantedHosts, browserLocale }, use) => {
    await use(async () => {
      // Closing waits for Chromium to exit, so IndexedDB is flushed to the profile first.
      await liveBrowser.current.close();
      const context = await launchWithExtension(userDataDir, { grantedHosts, locale: browserLocale });
      watchForPageErrors(context, uncaughtPageErrors);
      liveBrowser.current = context;
      const extensionId = await extensionIdOf(context);
      return {
        context,
        extensionId,
        openSurface: (surface) => openSurfaceIn(context, extensionId, surface),
      };
    });
  },
});
