import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Runs `work` under the DevTools CPU profiler of `page`'s main thread when `dir` is set,
 * and writes `<dir>/<name>.cpuprofile` (open it in Chromium's DevTools, Performance tab).
 */
export const profiled = async <T>(page: Page, dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> => {
  if (dir === undefined) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.send('Profiler.stop');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await session.detach();
  }
};

const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel',
  'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-devtools.timeline.stack', 'IndexedDB', 'disabled-by-default-IndexedDB',
].join(',');

/**
 * Writes a trace one event per line: a 100k restore's trace is past the longest string one
 * JSON.stringify may return.
 */
const writeTrace = async (path: string, events: readonly unknown[]): Promise<void> => {
  const file = await open(path, 'w');
  try {
    await file.write('{"traceEvents":[\n');
    for (let at = 0; at < events.length; at += TRACE_LINES_PER_WRITE) {
      const lines = events.slice(at, at + TRACE_LINES_PER_WRITE).map((event) => JSON.stringify(event));
      await file.write(`${at === 0 ? '' : ',\n'}${lines.join(',\n')}`);
    }
    await file.write('\n]}\n');
  } finally {
    await file.close();
  }
};
const TRACE_LINES_PER_WRITE = 10_000;

/**
 * Runs `work` under a DevTools trace of `page`'s renderer when `dir` is set, and writes
 * `<dir>/<name>.trace.json` (open it in DevTools' Performance tab): unlike the CPU profile it
 * shows every task of the renderer's main thread, message decoding and garbage collection included.
 */
export const traced = async <T>(page: Page, dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> => {
  if (dir === undefined) return work();
  const session = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  session.on('Tracing.dataCollected', ({ value }) => { events.push(...value); });
  await session.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  try {
    return await work();
  } finally {
    const complete = new Promise<void>((resolve) => { session.once('Tracing.tracingComplete', () => resolve()); });
    await session.send('Tracing.end');
    await complete;
    await mkdir(dir, { recursive: true });
    await writeTrace(join(dir, `${name}.trace.json`), events);
    await session.detach();
  }
};
