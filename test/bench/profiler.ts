import { mkdir, writeFile } from 'node:fs/promises';
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
