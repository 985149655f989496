import { chromePath, launchExtensionContext } from '../support/chromium';
export { chromePath } from '../support/chromium';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `wxt build` writes; the end-to-end tests drive this build, never the dev server. */
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');

export type Surface = 'popup' | 'sidepanel' | 'options';


function assertLaunchable(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${EXTENSION_DIR}/manifest.json. ` +
        'Run `npm run build` first (`npm test` builds before the end-to-end tests).',
    );
  }
  // chromePath() throws the one line that says how to get a browser when there is none.
  chromePath();
}

export interface LaunchOptions {
  /**
   * Host patterns (such as http://127.0.0.1/*) granted at install, as if the owner had already
   * said yes to the browser's prompt: headless Chromium shows chrome.permissions.request's
   * prompt where nobody can answer it, so the request would never settle. With the host
   * granted, the extension's own request still runs and resolves true without a prompt.
   */
  readonly grantedHosts?: readonly string[];
  /** The browser's language ("de-DE"); Playwright's default, English, when not given. */
  readonly locale?: string;
}

/**
 * Copies of the build with hosts granted, one per set of hosts, made afresh once per test run
 * under test-results (which Playwright empties before each run).
 */
const grantedBuilds = new Map<string, string>();

const buildWithGrantedHosts = (hosts: readonly string[]): string => {
  const key = hosts.join(' ');
  const known = grantedBuilds.get(key);
  if (known) return known;
  const dir = join(PROJECT_ROOT, 'test-results', 'builds', `granted-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: [...hosts] }));
  grantedBuilds.set(key, dir);
  return dir;
};

/** A headless Chromium with only the built extension loaded, on the given profile folder. */
export async function launchWithExtension(userDataDir: string, { grantedHosts = [], locale }: LaunchOptions = {}): Promise<BrowserContext> {
  assertLaunchable();
  return launchExtensionContext(grantedHosts.length > 0 ? buildWithGrantedHosts(grantedHosts) : EXTENSION_DIR, userDataDir, [], locale);
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

/** The extension's background service worker, waiting for it if it has not started yet. */
export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker }))
  );
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await backgroundWorker(context)).url()).host;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught exceptions and console errors seen on the page since it was opened. */
export function pageErrors(page: Page): readonly string[] {
  return errorsByPage.get(page) ?? [];
}

function recordErrors(page: Page): void {
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
}

/** Opens one of the extension's pages in a new tab; errors are recorded from the first byte. */
export async function openSurfaceIn(
  context: BrowserContext,
  extensionId: string,
  surface: Surface,
): Promise<Page> {
  const page = await context.newPage();
  recordErrors(page);
  await page.goto(`chrome-extension://${extensionId}/${surface}.html`, { waitUntil: 'load' });
  return page;
}
