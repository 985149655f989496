import { chromium, type BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';

const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** The Chromium the end-to-end tests and the bench drive: CHROME_PATH, or Debian's. */
export const chromePath = (): string =>
  // An empty CHROME_PATH means "not set", as it does for most tools.
  process.env.CHROME_PATH || DEFAULT_CHROME_PATH;

/**
 * Headless Chromium with only the given unpacked extension loaded, on a profile folder.
 * `extraArgs` adds switches (the capture tests let the DevTools Protocol press the toolbar button).
 * Without the network switches Chromium keeps dialling out, which this machine refuses.
 */
export const launchExtensionContext = (
  extensionDir: string, userDataDir: string, extraArgs: readonly string[] = [],
): Promise<BrowserContext> => {
  const dir = resolve(extensionDir);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    // Playwright's default --disable-extensions would win over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...extraArgs,
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
