import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { browserSession, evaluatorFor, listTargets, pressToolbarButton, waitFor } from '../e2e/capture-helpers';
import { launchExtensionContext } from '../support/chromium';

/**
 * The browser side of the capture bench: Chromium with the bench build, pages served from
 * 127.0.0.1, the toolbar popup pressed through Extensions.triggerAction (which grants
 * activeTab as a click does), and performance marks read from the browser's own side panel.
 */
export interface CaptureBrowser {
  readonly context: BrowserContext;
  readonly worker: Worker;
  readonly extensionId: string;
  readonly cdp: CDPSession;
  readonly close: () => Promise<void>;
}

export const launchCaptureBrowser = async (extensionDir: string, userDataDir: string): Promise<CaptureBrowser> => {
  const context = await launchExtensionContext(extensionDir, userDataDir, ['--enable-unsafe-extension-debugging']);
  try {
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    return { context, worker, extensionId: new URL(worker.url()).host, cdp: await browserSession(context), close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
};

/** Serves fixed pages by path from an ephemeral port on 127.0.0.1. */
export const servePages = async (pages: Readonly<Record<string, string>>): Promise<{ url: (path: string) => string; close: () => Promise<void> }> => {
  const server = createServer((request, response) => {
    const body = pages[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
};

export const readText = (path: string): Promise<string> => readFile(path, 'utf8');

const isPanel = (url: string): boolean => url.endsWith('/sidepanel.html');

/** Closes the browser's side panel (and any popup left open), and waits until it is gone. */
export const closeSidePanel = async (browser: CaptureBrowser): Promise<void> => {
  for (const target of await listTargets(browser.cdp)) {
    if (target.type === 'page' && target.url.endsWith('/popup.html')) await browser.cdp.send('Target.closeTarget', { targetId: target.targetId });
  }
  await browser.worker.evaluate(async () => {
    type Api = { windows: { getLastFocused: () => Promise<{ id?: number }> }; sidePanel: { close?: (options: { windowId: number }) => Promise<void> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const { id } = await api.windows.getLastFocused();
    if (id !== undefined) await api.sidePanel.close?.({ windowId: id }).catch(() => undefined);
  });
  await waitFor('the side panel to close', async () =>
    (await listTargets(browser.cdp)).some((target) => target.type === 'page' && isPanel(target.url)) ? undefined : true);
};

/** Drops the waiting capture, as saving or dismissing it would. */
export const clearCapture = (browser: CaptureBrowser): Promise<void> => browser.worker.evaluate(async () => {
  const api = (globalThis as unknown as { chrome: { storage: { session: { remove: (keys: string[]) => Promise<void> } } } }).chrome;
  await api.storage.session.remove(['locket:capture', 'locket:capture-draft', 'locket:capture-failure']);
});

/** The n-th `mark` in the side panel (1-based), as ms since the epoch; waits for it. */
const markTime = (mark: string, nth: number): string => `(() => {
  const entry = performance.getEntriesByName(${JSON.stringify(mark)}, 'mark')[${nth - 1}];
  return entry === undefined ? null : performance.timeOrigin + entry.startTime;
})()`;

export interface GestureTiming {
  /** From the click in the popup to the side panel marking `mark`. */
  readonly ms: number;
  /** From the click to the start of the side panel page, when the click opened it. */
  readonly panelStartMs: number | null;
}

/**
 * Presses the toolbar button over `site`, clicks "Capture this page" and waits for the side
 * panel (open already, or opened by the click) to mark `mark` once more.
 */
export const timeGesture = async (browser: CaptureBrowser, site: Page, mark: string): Promise<GestureTiming> => {
  const panels = (await listTargets(browser.cdp)).filter((target) => target.type === 'page' && isPanel(target.url));
  const open = panels[0];
  const before = open ? await (await evaluatorFor(browser.cdp, open.targetId))(`performance.getEntriesByName(${JSON.stringify(mark)}, 'mark').length`) : 0;
  const popup = await pressToolbarButton(browser.context, browser.extensionId, site);
  const clickedAt = await popup.click('Capture this page');
  const panel = open ?? await waitFor('the side panel', async () =>
    (await listTargets(browser.cdp)).find((target) => target.type === 'page' && isPanel(target.url)));
  const evaluate = await evaluatorFor(browser.cdp, panel.targetId);
  const nth = (typeof before === 'number' ? before : 0) + 1;
  const markedAt = await waitFor(`the side panel's "${mark}" mark`, async () => {
    const value = await evaluate(markTime(mark, nth));
    return typeof value === 'number' ? value : undefined;
  }, 20_000);
  const startedAt = open ? null : await evaluate('performance.timeOrigin');
  return { ms: markedAt - clickedAt, panelStartMs: typeof startedAt === 'number' ? startedAt - clickedAt : null };
};
