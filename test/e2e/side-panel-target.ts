import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';

/**
 * The browser's real side panel. Playwright does not list it among the context's pages, so
 * it is reached over the DevTools Protocol: found among the browser's targets, read through
 * its accessibility tree (roles and names, as elsewhere), and photographed.
 */
export interface SidePanelTarget {
  /** Names of the headings the panel shows right now. */
  readonly headings: () => Promise<string[]>;
  readonly screenshot: (path: string) => Promise<void>;
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
  readonly attached: boolean;
}

interface AxNode {
  readonly role?: { readonly value?: unknown };
  readonly name?: { readonly value?: unknown };
}

interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

const POLL_MS = 100;

/** A side panel page no Playwright tab is attached to: the one the browser opened itself. */
const findPanel = async (cdp: CDPSession): Promise<TargetInfo | undefined> => {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.find((t) => t.type === 'page' && !t.attached && t.url.endsWith('/sidepanel.html'));
};

/** Resolves with the side panel once the browser has opened one, or undefined after `timeoutMs`. */
export const waitForSidePanel = async (
  context: BrowserContext,
  anyPage: Page,
  timeoutMs = 5_000,
): Promise<SidePanelTarget | undefined> => {
  const cdp = await context.newCDPSession(anyPage);
  const deadline = Date.now() + timeoutMs;
  let panel = await findPanel(cdp);
  while (!panel && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    panel = await findPanel(cdp);
  }
  if (!panel) return undefined;

  // A non-flat session: commands travel inside Target.sendMessageToTarget.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false })) as {
    sessionId: string;
  };
  const waiting = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as Reply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let lastId = 0;
  const send = async (method: string, params: object = {}): Promise<unknown> => {
    const id = ++lastId;
    const replied = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const reply = await replied;
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };

  return {
    headings: async () => {
      const { nodes } = (await send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      return nodes.filter((node) => node.role?.value === 'heading').map((node) => String(node.name?.value ?? ''));
    },
    screenshot: async (path) => {
      const { data } = (await send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      await writeFile(path, Buffer.from(data, 'base64'));
    },
  };
};
