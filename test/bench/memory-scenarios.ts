import * as v from 'valibot';
import type { CDPSession, Page } from '@playwright/test';
import { SearchHoldingSchema } from './bench-api';
import { withBenchPage } from './bench-page';
import type { ExtensionBrowser } from './browser';
import type { Figures } from './metrics';

const MB = 1024 * 1024;
const SURFACES = [
  { key: 'memory.sidepanel', file: 'sidepanel.html' },
  { key: 'memory.popup', file: 'popup.html' },
  { key: 'memory.options', file: 'options.html' },
] as const;

interface TargetInfo { readonly targetId: string; readonly type: string; readonly url: string }

/** A JS heap through the DevTools protocol, after a collection, in bytes. */
const usedHeap = async (send: (method: string, params?: object) => Promise<unknown>): Promise<number> => {
  await send('HeapProfiler.collectGarbage');
  const usage = await send('Runtime.getHeapUsage') as { usedSize: number };
  return usage.usedSize;
};

/** Runs DevTools protocol calls in another target (a shared worker) through a page's session. */
const inTarget = async (session: CDPSession, targetId: string) => {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false }) as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const send = async (method: string, params: object = {}): Promise<unknown> => {
    const id = next++;
    const answered = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => { waiting.set(id, resolve); });
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await answered;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result;
  };
  return { send, detach: () => session.send('Target.detachFromTarget', { sessionId }) };
};

/**
 * The side panel, the popup and the options page open together and unlocked: how many search
 * workers the browser runs for them, the one search worker's JS heap with its index, each
 * surface's own JS heap, beside the raw data (every live record's JSON).
 */
export const measureMemory = async (browser: ExtensionBrowser): Promise<{ figures: Figures; notes: string[] }> => {
  const figures: Figures = {};
  const notes: string[] = [];
  const pages: Page[] = [];
  try {
    for (const { file } of SURFACES) {
      const page = await browser.context.newPage();
      pages.push(page);
      await page.goto(browser.pageUrl(file));
    }
    const holding = v.parse(SearchHoldingSchema, await withBenchPage(browser, 'search holding', (page) => page.evaluate(() => {
      if (!window.locketBench) throw new Error('window.locketBench is missing');
      return window.locketBench.searchHolding();
    })));
    figures['memory.raw'] = holding.rawBytes / MB;
    const [first] = pages;
    if (!first) throw new Error('No surface opened');
    const session = await browser.context.newCDPSession(first);
    const { targetInfos } = await session.send('Target.getTargets') as { targetInfos: TargetInfo[] };
    const searchWorkers = targetInfos.filter((target) => target.url.includes('search.worker'));
    figures['memory.searchWorkers'] = searchWorkers.length;
    const [searchWorker] = searchWorkers;
    if (searchWorker) {
      const target = await inTarget(session, searchWorker.targetId);
      figures['memory.searchWorker'] = (await usedHeap(target.send)) / MB;
      await target.detach();
    }
    for (const [at, { key, file }] of SURFACES.entries()) {
      const page = pages[at];
      if (!page) continue;
      const surface = await browser.context.newCDPSession(page);
      figures[key] = (await usedHeap((method, params) => surface.send(method as never, params as never))) / MB;
      notes.push(`memory: ${file} JS heap ${figures[key].toFixed(1)} MB`);
      await surface.detach();
    }
    notes.push(`memory: ${holding.indexed} indexed; ${searchWorkers.length} search worker(s) (${searchWorkers.map((target) => target.type).join(', ')}) `
      + `for ${SURFACES.length} open surfaces; raw data ${figures['memory.raw'].toFixed(1)} MB`);
    await session.detach();
  } finally {
    for (const page of pages) await page.close();
  }
  return { figures, notes };
};
