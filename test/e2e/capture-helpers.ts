import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { launchExtensionContext } from '../support/chromium';
import { EXTENSION_DIR, PROJECT_ROOT } from './launch';

/**
 * What quick capture's end-to-end tests need beyond the shared harness: the fixture pages
 * served from 127.0.0.1, and the toolbar button pressed the way a user presses it.
 *
 * activeTab is granted only by a real gesture, and Playwright can reach neither the
 * toolbar, the context menu nor a keyboard shortcut (the browser handles those outside the
 * page). The DevTools Protocol's Extensions.triggerAction presses the toolbar button for a
 * tab: the browser grants activeTab on that tab and opens the real popup, exactly as a
 * click would. It needs --enable-unsafe-extension-debugging and a pipe connection, which
 * Playwright uses.
 */

const FIXTURE_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'capture');

export interface FixtureServer {
  readonly url: (name: string) => string;
  readonly close: () => Promise<void>;
}

/** Serves test/fixtures/capture/*.html by file name only, from an ephemeral port on 127.0.0.1. */
export const serveFixtures = async (): Promise<FixtureServer> => {
  const pages = new Set((await readdir(FIXTURE_DIR)).filter((name) => name.endsWith('.html')));
  const server: Server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    if (!pages.has(name)) { response.writeHead(404).end('Not found'); return; }
    void readFile(join(FIXTURE_DIR, name)).then((body) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: async () => {
      // Chromium keeps connections alive; without this, close() waits for them.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};

/**
 * The shared launch, plus the switch that lets the DevTools Protocol press the toolbar button;
 * in the browser's language when one is given ("de-DE"), as the shared launch does.
 */
export const launchForCapture = (userDataDir: string, locale?: string): Promise<BrowserContext> =>
  launchExtensionContext(EXTENSION_DIR, userDataDir, ['--enable-unsafe-extension-debugging'], locale);

export interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
  readonly attached: boolean;
}

interface Reply {
  readonly id: number;
  readonly result?: { readonly result?: { readonly value?: unknown }; readonly exceptionDetails?: unknown };
  readonly error?: { readonly message: string };
}

/** The extension's popup as the browser opened it: a page no Playwright tab is attached to. */
export interface ActionPopup {
  /**
   * Clicks the button with this exact text, as a user gesture (sidePanel.open needs one).
   * Resolves with the time of the click, in ms since the epoch, as the popup's clock read it.
   */
  readonly click: (label: string) => Promise<number>;
  /** The visible text of the popup, shadow roots included. */
  readonly text: () => Promise<string>;
}

export const browserSession = async (context: BrowserContext): Promise<CDPSession> => {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context');
  return browser.newBrowserCDPSession();
};

export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Finds a button by its text through every shadow root; runs inside the popup. */
const FIND_BUTTON = `(label) => {
  const find = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'button' && element.textContent.trim() === label) return element;
      if (element.shadowRoot) { const found = find(element.shadowRoot); if (found) return found; }
    }
    return null;
  };
  return find(document);
}`;

const DEEP_TEXT = `() => {
  const text = (root) => [...root.childNodes].map((node) =>
    node.nodeType === 3 ? node.textContent : node.shadowRoot ? text(node.shadowRoot) : node.childNodes ? text(node) : '').join(' ');
  return text(document.body).replace(/\\s+/g, ' ').trim();
}`;

/** The browser's targets of one type, as the DevTools Protocol lists them. */
export const listTargets = async (cdp: CDPSession, type?: string): Promise<TargetInfo[]> => {
  const { targetInfos } = (await cdp.send('Target.getTargets', type ? { filter: [{ type }] } : {})) as { targetInfos: TargetInfo[] };
  return targetInfos;
};

/**
 * Runs expressions in a page Playwright is not attached to (the popup, the side panel),
 * as user gestures. A non-flat session: commands travel inside Target.sendMessageToTarget.
 */
export const evaluatorFor = async (cdp: CDPSession, targetId: string): Promise<(expression: string) => Promise<unknown>> => {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const waiting = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== undefined && event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let lastId = 0;
  return async (expression) => {
    const id = ++lastId;
    const replied = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    const message = { id, method: 'Runtime.evaluate', params: { expression, userGesture: true, awaitPromise: true, returnByValue: true } };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
    const reply = await replied;
    if (reply.error) throw new Error(reply.error.message);
    return reply.result?.result?.value;
  };
};

/** Presses Locket's toolbar button for `page`'s tab, which opens the real popup; resolves once it can be driven. */
export const pressToolbarButton = async (context: BrowserContext, extensionId: string, page: Page): Promise<ActionPopup> => {
  const cdp = await browserSession(context);
  await page.bringToFront();
  const tab = (await listTargets(cdp, 'tab')).find((info) => info.url === page.url());
  if (!tab) throw new Error(`No tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  const popup = await waitFor('the popup', async () => (await listTargets(cdp))
    .find((info) => info.type === 'page' && !info.attached && info.url.endsWith('/popup.html')));
  const evaluate = await evaluatorFor(cdp, popup.targetId);
  const hasButton = (label: string) => evaluate(`(${FIND_BUTTON})(${JSON.stringify(label)}) !== null`);
  return {
    click: async (label) => {
      await waitFor(`the popup's "${label}" button`, async () => ((await hasButton(label)) === true ? true : undefined));
      const at = await evaluate(`(() => {
        const at = performance.timeOrigin + performance.now();
        (${FIND_BUTTON})(${JSON.stringify(label)}).click();
        return at;
      })()`);
      return typeof at === 'number' ? at : Number.NaN;
    },
    text: async () => String(await evaluate(`(${DEEP_TEXT})()`)),
  };
};

/** Selects the text of the first element matching `selector`, as a user dragging over it would. */
export const selectText = (page: Page, selector: string): Promise<void> => page.evaluate((css) => {
  const element = document.querySelector(css);
  if (!element) throw new Error(`Nothing matches ${css}`);
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}, selector);
