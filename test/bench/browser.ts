import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchExtensionContext } from '../support/chromium';

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly pageUrl: (file: string) => string;
  readonly close: () => Promise<void>;
}

export { chromePath } from '../support/chromium';

/** Headless Chromium with only the given unpacked extension loaded, in a throwaway profile. */
export const launchExtension = async (extensionDir: string): Promise<ExtensionBrowser> => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'locket-bench-'));
  let context: BrowserContext | undefined;
  try {
    context = await launchExtensionContext(extensionDir, userDataDir);
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const extensionId = new URL(worker.url()).host;
    const opened = context;
    return {
      context: opened,
      extensionId,
      pageUrl: (file) => `chrome-extension://${extensionId}/${file}`,
      close: async () => {
        await opened.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
};
