import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBrowser, HOW_TO_GET_A_BROWSER, type BrowserFound } from './browser-candidates';

const playwrightChromium = (): string | undefined => {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright throws when it has no build for this platform: there is nothing to find there.
    return undefined;
  }
};

/** What this machine offers, looked up afresh each call (an install may have just happened). */
export const lookUpBrowser = (): BrowserFound =>
  findBrowser({ chromePathVariable: process.env.CHROME_PATH, playwrightChromium: playwrightChromium(), exists: existsSync });

/** The Chromium the end-to-end tests and the bench drive; throws the one line that says how to get one. */
export const chromePath = (): string => {
  const found = lookUpBrowser();
  if (found.type === 'found') return found.path;
  if (found.type === 'missing-chrome-path') throw new Error(`CHROME_PATH=${found.path} does not exist.`);
  throw new Error(HOW_TO_GET_A_BROWSER);
};

/**
 * Headless Chromium with only the given unpacked extension loaded, on a profile folder.
 * `extraArgs` adds switches (the capture tests let the DevTools Protocol press the toolbar button).
 * Without the network switches Chromium keeps dialling out, which this machine refuses.
 */
export const launchExtensionContext = (
  extensionDir: string, userDataDir: string, extraArgs: readonly string[] = [], locale?: string,
): Promise<BrowserContext> => {
  const dir = resolve(extensionDir);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    // The browser's language, as pages read it (navigator.languages) and as its own UI speaks it.
    ...(locale ? { locale } : {}),
    // Playwright's default --disable-extensions would win over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...extraArgs,
      ...(locale ? [`--lang=${locale}`, `--accept-lang=${locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
};
